namespace Assistance.Application.Reviews;

using Assistance.Application.Applications;
using Assistance.Domain.Applications;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Enrolments;

/// <summary>
/// Reads a reassessment the way the approval did (DecideApplication's enrolment factory): whether it still grants the
/// enrolment's programme and at what amount, so a review compares like with like.
/// </summary>
public static class ReviewEntitlement
{
    public static (bool StillQualifies, decimal Amount) Of(Enrolment enrolment, EligibilityAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(assessment);
        if (enrolment.Programme == Programme.Tekun)
        {
            var person = assessment.Members.FirstOrDefault(m => m.MemberId == enrolment.PersonMemberId);
            return person is { Outcome: AssessmentOutcome.Tekun } ? (true, person.MonthlyAmount ?? 0m) : (false, 0m);
        }

        AssessmentOutcome[] outcomes = enrolment.Programme switch
        {
            Programme.Dibao => [AssessmentOutcome.Dibao, AssessmentOutcome.DibaoSinglePerson],
            Programme.DibaoMarginal => [AssessmentOutcome.DibaoMarginal],
            _ => [AssessmentOutcome.ExpenditureHardship],
        };
        if (!assessment.Members.Any(m => outcomes.Contains(m.Outcome)))
        {
            return (false, 0m);
        }

        // Household amount = everything but the tekun members' own amounts (they hold enrolments of their own).
        var amount = assessment.MonthlyAmount - assessment.Members.Where(m => m.Outcome == AssessmentOutcome.Tekun).Sum(m => m.MonthlyAmount ?? 0m);
        return (true, amount);
    }
}
