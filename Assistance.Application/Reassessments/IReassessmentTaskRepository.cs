namespace Assistance.Application.Reassessments;

using Assistance.Application.Abstractions;
using Assistance.Domain.Reassessments;

/// <summary>Reassessment tasks, region-owned like their household.</summary>
public interface IReassessmentTaskRepository
{
    Task AddAsync(RegionScope scope, ReassessmentTask task, CancellationToken cancellationToken);

    Task<ReassessmentTask?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    Task SaveAsync(RegionScope scope, ReassessmentTask task, long expectedVersion, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReassessmentTask>> ListAsync(
        RegionScope scope, ReassessmentTaskStatus? status, Guid? householdId, Guid? afterId, int limit, CancellationToken cancellationToken);
}
