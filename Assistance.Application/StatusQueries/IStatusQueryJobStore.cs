namespace Assistance.Application.StatusQueries;

using Assistance.Application.Abstractions;

/// <summary>
/// Asynchronous status-query jobs. A job belongs to the caller who created it and is answered with the region scope they
/// had then; another caller, or the same one with another scope, does not find it (404).
/// </summary>
public interface IStatusQueryJobStore
{
    Task CreateAsync(RegionScope scope, Guid id, string subject, string? agency, IReadOnlyList<StatusQueryItem> items, CancellationToken cancellationToken);

    Task<StatusQueryJobDto?> FindAsync(RegionScope scope, Guid id, string subject, string? agency, CancellationToken cancellationToken);
}
