namespace Assistance.Application.Policy;

using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>A parameter value as stored: the domain value plus its row id and who recorded it.</summary>
public sealed record StoredParameterValue(Guid Id, ParameterValue Value, string RecordedBy, Guid? Supersedes);

/// <summary>The parameter store. Values are never updated in place: corrections supersede.</summary>
public interface IPolicyStore
{
    /// <summary>
    /// A resolver over every value (current and superseded) of the region and its ancestors; null when the region
    /// is not in the register (checked in the same round trip as the cache revision).
    /// </summary>
    Task<ParameterResolver?> ResolverForAsync(RegionCode region, CancellationToken cancellationToken);

    /// <summary>Every value of one key held by the region or its ancestors, superseded ones included, oldest first.</summary>
    Task<IReadOnlyList<StoredParameterValue>> HistoryAsync(string key, RegionCode region, CancellationToken cancellationToken);

    Task<StoredParameterValue?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Marks a current value superseded (in the command's transaction).</summary>
    Task SupersedeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Adds a value; throws <see cref="Domain.Common.BusinessRuleViolationException"/> on an overlap.</summary>
    Task AddAsync(StoredParameterValue value, CancellationToken cancellationToken);

    Task<IReadOnlyList<PolicySource>> SourcesAsync(CancellationToken cancellationToken);
}
