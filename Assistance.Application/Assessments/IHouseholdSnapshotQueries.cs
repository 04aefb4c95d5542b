namespace Assistance.Application.Assessments;

using Assistance.Application.Abstractions;
using Assistance.Domain.Eligibility;

/// <summary>Reads a stored household as the engine's input; null when unknown.</summary>
public interface IHouseholdSnapshotQueries
{
    Task<AssessmentInput?> GetAsync(RegionScope scope, Guid householdId, DateOnly asOf, CancellationToken cancellationToken);
}
