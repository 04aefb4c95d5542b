namespace Assistance.Application.Reviews;

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Assistance.Domain.Enrolments;

/// <summary>A recorded review (核查, R-30) with the reassessment on the review date and its trace.</summary>
/// <param name="Id">Review id.</param>
/// <param name="EnrolmentId">The reviewed enrolment.</param>
/// <param name="RegionCode">The enrolment's region.</param>
/// <param name="HouseholdId">The household reassessed.</param>
/// <param name="HouseholdVersion">The stored household version the reassessment read.</param>
/// <param name="ReviewedOn">The review date: the engine reassessed on it.</param>
/// <param name="Outcome">Continue, Adjust, GradualExit or Terminate.</param>
/// <param name="Rule">The R-id that decided the outcome.</param>
/// <param name="Source">The clauses the rule applies.</param>
/// <param name="Explanation">Why, in words.</param>
/// <param name="IncomeRiseFromEmployment">The caseworker found the rise in income comes from a member finding work.</param>
/// <param name="AmountBefore">Monthly amount before the review.</param>
/// <param name="AmountAfter">Monthly amount after the review (unchanged during a gradual exit).</param>
/// <param name="EffectiveMonth">First month of the new amount (Adjust), YYYY-MM.</param>
/// <param name="GradualExitEndsOn">Last day of the gradual exit (GradualExit).</param>
/// <param name="TerminationPostponed">Terminate decided while a review moratorium was in force: the enrolment ends when it ends .</param>
/// <param name="NextReviewOn">The next review date set by this review (null when the enrolment is leaving).</param>
/// <param name="Note">The caseworker's note.</param>
/// <param name="Assessment">The reassessment (outcome, amounts, trace) on the review date.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedOn">When it was recorded (Beijing date).</param>
public sealed record ReviewDto(
    Guid Id,
    Guid EnrolmentId,
    [property: MaxLength(12)] string RegionCode,
    Guid HouseholdId,
    [property: Range(0, long.MaxValue)] long HouseholdVersion,
    DateOnly ReviewedOn,
    ReviewOutcome Outcome,
    [property: MaxLength(40)] string Rule,
    [property: MaxLength(200)] string Source,
    [property: MaxLength(2000)] string Explanation,
    bool IncomeRiseFromEmployment,
    decimal AmountBefore,
    decimal AmountAfter,
    [property: MaxLength(7)] string? EffectiveMonth,
    DateOnly? GradualExitEndsOn,
    bool TerminationPostponed,
    DateOnly? NextReviewOn,
    [property: MaxLength(2000)] string? Note,
    JsonElement Assessment,
    [property: MaxLength(200)] string RecordedBy,
    DateOnly RecordedOn)
{
    public static ReviewDto From(EnrolmentReview r, string assessmentJson, string recordedBy)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ReviewDto(
            r.Id, r.EnrolmentId, r.Region.Value, r.HouseholdId, r.HouseholdVersion, r.ReviewedOn, r.Outcome, r.Rule, r.Source, r.Explanation,
            r.IncomeRiseFromEmployment, r.AmountBefore, r.AmountAfter, r.EffectiveMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.GradualExitEndsOn,
            r.TerminationPostponed, r.NextReviewOn, r.Note, JsonDocument.Parse(assessmentJson).RootElement.Clone(), recordedBy, r.RecordedOn);
    }
}

/// <summary>A stored review with what the DTO needs besides the review itself.</summary>
public sealed record StoredReview(EnrolmentReview Review, string AssessmentJson, string RecordedBy);
