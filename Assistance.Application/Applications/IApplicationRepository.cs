namespace Assistance.Application.Applications;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;
using CaseApplication = Assistance.Domain.Applications.Application;

public interface IApplicationRepository
{
    Task<(CaseApplication Application, string? AssessmentJson)?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    /// <summary>The household's open application for this programme, if any.</summary>
    Task<Guid?> FindOpenAsync(RegionScope scope, Guid householdId, Programme programme, CancellationToken cancellationToken);

    Task AddAsync(RegionScope scope, CaseApplication application, IReadOnlyList<Deadline> deadlines, CancellationToken cancellationToken);

    /// <summary>
    /// Saves when the stored version is still <paramref name="expectedVersion"/> (the row is locked for the rest of the
    /// transaction); otherwise throws <see cref="Common.VersionMismatchException"/>. Bumps the aggregate's version.
    /// </summary>
    Task SaveAsync(RegionScope scope, CaseApplication application, long expectedVersion, IReadOnlyList<Deadline> deadlines, string? assessmentJson, CancellationToken cancellationToken);

    /// <summary>Tekun applications awaiting the county's decision in a county, for the ≥ 30 % random home checks.</summary>
    Task<IReadOnlyList<Guid>> ListAwaitingDecisionAsync(RegionScope county, Programme programme, CancellationToken cancellationToken);
}
