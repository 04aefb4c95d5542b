namespace Assistance.Application.Applications.DecideApplication;

using Assistance.Application.Enrolments;
using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Enrolments;
using FluentValidation;
using CaseApplication = Assistance.Domain.Applications.Application;

/// <summary>Turns an approval plus its assessment into the enrolment: who is covered and for how much.</summary>
public static class EnrolmentFactory
{
    public static async Task<Enrolment> CreateAsync(
        CaseApplication application, HouseholdInfo household, EligibilityAssessment assessment, CareSetting? careSetting, DateOnly today,
        IEnrolmentRepository enrolments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(enrolments);
        CoveredPerson? tekunPerson = null;
        List<CoveredPerson> covered;
        decimal amount;
        if (application.Programme == Programme.Tekun)
        {
            var applicant = assessment.Members.FirstOrDefault(m => m.MemberId == application.ApplicantMemberId);
            if (applicant is null || applicant.Outcome != AssessmentOutcome.Tekun)
            {
                throw NotSupported(application, assessment, applicant?.Outcome.ToString() ?? "not assessed");
            }

            tekunPerson = new CoveredPerson(applicant.MemberId, applicant.IdNumber);
            covered = [tekunPerson];
            amount = applicant.MonthlyAmount ?? 0m;
        }
        else
        {
            AssessmentOutcome[] outcomes = application.Programme switch
            {
                Programme.Dibao => [AssessmentOutcome.Dibao, AssessmentOutcome.DibaoSinglePerson],
                Programme.DibaoMarginal => [AssessmentOutcome.DibaoMarginal],
                _ => [AssessmentOutcome.ExpenditureHardship],
            };
            covered = assessment.Members.Where(m => outcomes.Contains(m.Outcome)).Select(m => new CoveredPerson(m.MemberId, m.IdNumber)).ToList();
            if (covered.Count == 0)
            {
                throw NotSupported(application, assessment, assessment.Outcome.ToString());
            }

            // Household amount = tekun amounts + the dibao unit + single-person amounts; tekun members are enrolled on their own.
            amount = assessment.MonthlyAmount - assessment.Members.Where(m => m.Outcome == AssessmentOutcome.Tekun).Sum(m => m.MonthlyAmount ?? 0m);
        }

        var existing = await enrolments.ActiveForIdNumbersAsync(covered.Select(c => c.IdNumber).ToList(), cancellationToken).ConfigureAwait(false);
        return Enrolment.CreateOnApproval(
            Guid.CreateVersion7(), application.Region, application.Id, application.Programme, household.Id, tekunPerson, covered, amount,
            assessment.DibaoClass, assessment.ReviewIntervalMonths, careSetting, today, existing);
    }

    private static BusinessRuleViolationException NotSupported(CaseApplication application, EligibilityAssessment assessment, string outcome) =>
        new(
            "application.assessment-does-not-support-approval",
            $"The assessment on the decision date does not grant {application.Programme} (outcome: {outcome}; household: {assessment.Outcome}). Reject with reasons, or correct the household data and decide again.",
            "R-20; R-10..R-19");
}
