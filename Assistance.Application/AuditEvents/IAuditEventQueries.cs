namespace Assistance.Application.AuditEvents;

using Assistance.Application.Abstractions;

public interface IAuditEventQueries
{
    Task<IReadOnlyList<AuditEventDto>> ListAsync(
        RegionScope scope, string? entityType, string? entityId, (DateTimeOffset At, Guid Id)? after, int limit, CancellationToken cancellationToken);
}
