namespace Assistance.Application.Applications;

using System.Text.Json;
using System.Text.Json.Serialization;
using Assistance.Application.Abstractions;
using Assistance.Application.Assessments;
using Assistance.Domain.Regions;

/// <summary>
/// The workflow's <see cref="IEligibilityAssessor"/> over the eligibility engine: the stored household as the engine's
/// input, parameters resolved from the policy store for the application's region on the decision date (the same
/// <see cref="EligibilityAssessor"/> the assessment endpoints use), and the api.md response with its full trace kept as
/// the decision's and the enrolment's basis.
/// </summary>
public sealed class EngineEligibilityAssessor(IHouseholdSnapshotQueries households, EligibilityAssessor assessor, IHouseholdDirectory directory)
    : IEligibilityAssessor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<EligibilityAssessment?> AssessAsync(RegionScope scope, Guid householdId, RegionCode region, DateOnly asOf, CancellationToken cancellationToken)
    {
        var input = await households.GetAsync(scope, householdId, asOf, cancellationToken).ConfigureAwait(false);
        var members = await directory.FindAsync(scope, householdId, cancellationToken).ConfigureAwait(false);
        if (input is null || members is null)
        {
            return null;
        }

        // Parameters of the region where the case is decided (the application's region).
        input = input with { Region = region };
        var result = await assessor.AssessAsync(input, null, cancellationToken).ConfigureAwait(false);
        var response = AssessmentResponse.From(result);
        var byIdNumber = members.Members.ToDictionary(m => m.IdNumber, StringComparer.Ordinal);
        var memberResults = result.Members.Select(m =>
        {
            var idNumber = input.Members[m.Index].IdNumber ?? string.Empty;
            var memberId = byIdNumber.TryGetValue(idNumber, out var info) ? info.Id : Guid.Empty;
            return new MemberAssessment(memberId, idNumber, m.Outcome, m.MonthlyAmount);
        }).ToList();
        return new EligibilityAssessment(
            result.Outcome, result.MonthlyAmount, result.DibaoClass?.ToString(), result.ReviewIntervalMonths, memberResults,
            JsonSerializer.Serialize(response, Json));
    }
}
