namespace Assistance.Application.Applications;

using Assistance.Application.Abstractions;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Regions;

/// <summary>
/// The eligibility engine, seen from the workflow: assesses a registered household on a date (domain.md §3). Returns
/// null when no engine is wired in: the decision is then recorded without an assessment and no enrolment is created
/// (never a made-up result).
/// </summary>
public interface IEligibilityAssessor
{
    Task<EligibilityAssessment?> AssessAsync(RegionScope scope, Guid householdId, RegionCode region, DateOnly asOf, CancellationToken cancellationToken);
}

/// <summary>The engine's result as stored with the decision: summary fields plus the full result and trace as JSON.</summary>
public sealed record EligibilityAssessment(
    AssessmentOutcome Outcome,
    decimal MonthlyAmount,
    string? DibaoClass,
    int? ReviewIntervalMonths,
    IReadOnlyList<MemberAssessment> Members,
    string ResultJson);

/// <summary>One member's outcome; <c>MonthlyAmount</c> is the member's own cash (tekun, single-person dibao) or null.</summary>
public sealed record MemberAssessment(Guid MemberId, string IdNumber, AssessmentOutcome Outcome, decimal? MonthlyAmount);
