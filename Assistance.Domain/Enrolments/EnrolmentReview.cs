namespace Assistance.Domain.Enrolments;

using Assistance.Domain.Regions;

/// <summary>What a review (核查) concluded .</summary>
public enum ReviewOutcome
{
    /// <summary>Still entitled at the same amount.</summary>
    Continue,

    /// <summary>Still entitled at another amount, paid from the month after the review.</summary>
    Adjust,

    /// <summary>渐退: over the line because a member found work; the amount continues for a limited number of months .</summary>
    GradualExit,

    /// <summary>No longer entitled: the enrolment ends (postponed while a review moratorium is in force, R-31).</summary>
    Terminate,
}

/// <summary>
/// What the caseworker found and the engine reassessed on the review date, as the outcome rule needs it: whether the
/// reassessment still grants the enrolment's programme to the persons it covers, at what amount, whether a rise in
/// income comes from a member finding work, and the gradual-exit length in force for the region on that date.
/// </summary>
public sealed record ReviewFindings(bool StillQualifies, decimal ReassessedAmount, bool IncomeRiseFromEmployment, int GradualExitMaxMonths, int? ReviewIntervalMonths);

/// <summary>The outcome with the rule and clause that decided it (every decision cites its source).</summary>
public sealed record ReviewDecision(ReviewOutcome Outcome, string Rule, string Source, string Explanation);

/// <summary>
/// One review of an enrolment as recorded: the facts reviewed (the household version and the reassessment), the
/// outcome, and what it changed. Written once by <see cref="Enrolment.RecordReview"/>; never changed afterwards.
/// </summary>
public sealed record EnrolmentReview(
    Guid Id,
    Guid EnrolmentId,
    RegionCode Region,
    Guid HouseholdId,
    long HouseholdVersion,
    DateOnly ReviewedOn,
    ReviewOutcome Outcome,
    string Rule,
    string Source,
    string Explanation,
    bool IncomeRiseFromEmployment,
    decimal AmountBefore,
    decimal AmountAfter,
    DateOnly? EffectiveMonth,
    DateOnly? GradualExitEndsOn,
    bool TerminationPostponed,
    DateOnly? NextReviewOn,
    string? Note,
    DateOnly RecordedOn);
