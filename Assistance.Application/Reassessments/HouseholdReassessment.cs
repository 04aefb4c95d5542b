namespace Assistance.Application.Reassessments;

using Assistance.Application.Abstractions;
using Assistance.Application.Applications;
using Assistance.Domain.Applications;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Enrolments;
using Assistance.Domain.LifeEvents;

/// <summary>What a reassessment changed: new amounts, and enrolments the engine no longer grants (left for a review).</summary>
public sealed record ReassessmentOutcome(IReadOnlyList<ReassessedEnrolment> Changed, IReadOnlyList<Guid> NeedingReview);

/// <summary>
/// Reassesses a household's enrolments through the engine on the stored household (the same path as an approval,
/// <see cref="IEligibilityAssessor"/>) on the first day of <c>effectiveMonth</c>, and changes each enrolment's amount
/// from that month. The enrolment's amount is what an approval would give it today (<see cref="AmountFor"/>).
/// An enrolment the engine no longer grants is left unchanged: ending it is a review's decision.
/// </summary>
public sealed class HouseholdReassessment(IEligibilityAssessor assessor)
{
    public async Task<ReassessmentOutcome> ReassessAsync(
        RegionScope scope, Guid householdId, IReadOnlyList<Enrolment> enrolments, DateOnly effectiveMonth, DateOnly today, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        if (enrolments.Count == 0)
        {
            return new ReassessmentOutcome([], []);
        }

        var assessment = await assessor.AssessAsync(scope, householdId, enrolments[0].Region, effectiveMonth, cancellationToken).ConfigureAwait(false);
        var changed = new List<ReassessedEnrolment>();
        var review = new List<Guid>();
        foreach (var enrolment in enrolments)
        {
            if (assessment is null || AmountFor(enrolment, assessment) is not { } amount)
            {
                review.Add(enrolment.Id);
                continue;
            }

            var before = enrolment.MonthlyAmount;
            if (amount != before)
            {
                enrolment.ChangeAmount(amount, effectiveMonth, today, reason);
                changed.Add(new ReassessedEnrolment(enrolment.Id, before, amount, effectiveMonth));
            }
        }

        return new ReassessmentOutcome(changed, review);
    }

    /// <summary>
    /// The enrolment's monthly amount under the assessment, as <c>EnrolmentFactory</c> computes it on approval: a tekun
    /// person's own amount; for a household programme, the household amount less the tekun members' own amounts. Null
    /// when nobody covered keeps the programme's outcome.
    /// </summary>
    public static decimal? AmountFor(Enrolment enrolment, EligibilityAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(assessment);
        if (enrolment.Programme == Programme.Tekun)
        {
            var person = assessment.Members.FirstOrDefault(m => m.MemberId == enrolment.PersonMemberId);
            return person is { Outcome: AssessmentOutcome.Tekun } ? person.MonthlyAmount ?? 0m : null;
        }

        AssessmentOutcome[] outcomes = enrolment.Programme switch
        {
            Programme.Dibao => [AssessmentOutcome.Dibao, AssessmentOutcome.DibaoSinglePerson],
            Programme.DibaoMarginal => [AssessmentOutcome.DibaoMarginal],
            _ => [AssessmentOutcome.ExpenditureHardship],
        };
        if (!assessment.Members.Any(m => outcomes.Contains(m.Outcome)))
        {
            return null;
        }

        return assessment.MonthlyAmount - assessment.Members.Where(m => m.Outcome == AssessmentOutcome.Tekun).Sum(m => m.MonthlyAmount ?? 0m);
    }
}
