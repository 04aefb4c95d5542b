namespace Assistance.Application.Applications.DecideApplication;

using Assistance.Application.Abstractions;
using Assistance.Application.Applications.Transitions;
using Assistance.Application.Calendar;
using Assistance.Application.Common;
using Assistance.Application.Enrolments;
using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Enrolments;
using FluentValidation;
using CaseApplication = Assistance.Domain.Applications.Application;

/// <summary>
/// The county's decision (审核确认, R-20). Approve: the rules are checked (逢进必核, conflict-of-interest visit, random
/// check), the engine assesses the household on the decision date, the result and trace are stored with the decision,
/// and the enrolment is created from it. Reject: written reasons.
/// </summary>
public sealed record DecideApplicationCommand(Guid ApplicationId, IfMatch ExpectedVersion, DecisionKind Decision, string? Reasons, CareSetting? CareSetting)
    : ICommand<ApplicationDto>;

public sealed class DecideApplicationValidator : AbstractValidator<DecideApplicationCommand>
{
    public DecideApplicationValidator()
    {
        RuleFor(c => c.Decision).IsInEnum();
        RuleFor(c => c.Reasons).MaximumLength(8000);
        RuleFor(c => c.CareSetting).IsInEnum();
    }
}

public sealed class DecideApplicationHandler(
    IApplicationRepository applications,
    IEnrolmentRepository enrolments,
    IHouseholdDirectory households,
    IEligibilityAssessor assessor,
    ICalendarStore calendars,
    Policy.IPolicyStore policy,
    IAuditLog audit,
    ICurrentUser user,
    TimeProvider clock) : ICommandHandler<DecideApplicationCommand, ApplicationDto>
{
    public async Task<ApplicationDto> Handle(DecideApplicationCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (application, _) = await ApplicationTransitionHandler<AcceptApplicationCommand>.LoadAsync(
            applications, user, request.ApplicationId, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var loadedVersion = application.Version;
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        var limits = await policy.TimeLimitsAsync(application.Region, cancellationToken).ConfigureAwait(false);
        var today = clock.Today();
        var countyOrAbove = BusinessRulesAtCounty.IsCountyOrAbove(user);
        var id = application.Id.ToString();
        var beforeStatus = application.Status;

        if (request.Decision == DecisionKind.Reject)
        {
            application.Reject(countyOrAbove, request.Reasons ?? string.Empty, today, user.Subject);
            await applications.SaveAsync(user.Scope, application, loadedVersion, application.Deadlines(calendar, limits, today), null, cancellationToken).ConfigureAwait(false);
            await audit.RecordAsync(
                new AuditEntry("Application", id, "Rejected", application.Region, new { Status = beforeStatus }, new { application.Status, application.Decision },
                    request.Reasons),
                cancellationToken).ConfigureAwait(false);
            return ApplicationDto.From(application, null, calendar, limits, today);
        }

        if (application.Programme == Programme.Tekun)
        {
            BusinessRules.Check(new TekunEnrolmentHasCareSetting(Programme.Tekun, request.CareSetting));
        }

        application.Approve(countyOrAbove, today, user.Subject, request.Reasons);

        // The engine assesses on the decision date; the result and its trace are stored with the decision.
        var assessment = await assessor.AssessAsync(user.Scope, application.HouseholdId, application.Region, today, cancellationToken).ConfigureAwait(false);

        // Saving first takes the row lock and checks the version: of two concurrent approvals only one gets past here.
        await applications.SaveAsync(user.Scope, application, loadedVersion, application.Deadlines(calendar, limits, today), assessment?.ResultJson, cancellationToken)
            .ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry("Application", id, "Approved", application.Region, new { Status = beforeStatus },
                new { application.Status, application.Decision, Assessment = assessment is null ? "unavailable" : assessment.Outcome, assessment?.MonthlyAmount },
                request.Reasons),
            cancellationToken).ConfigureAwait(false);

        if (assessment is null)
        {
            // Seam: no eligibility engine is wired in (IEligibilityAssessor returned null). The decision stands; the
            // enrolment is created once an assessment exists. Nothing is invented here.
            await audit.RecordAsync(
                new AuditEntry("Application", id, "AssessmentUnavailable", application.Region, null, null,
                    "No eligibility engine is wired in: enrolment waits for an assessment."),
                cancellationToken).ConfigureAwait(false);
            return ApplicationDto.From(application, null, calendar, limits, today);
        }

        var household = await households.FindAsync(user.Scope, application.HouseholdId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Household", application.HouseholdId.ToString());
        var enrolment = await EnrolmentFactory.CreateAsync(application, household, assessment, request.CareSetting, today, enrolments, cancellationToken)
            .ConfigureAwait(false);
        await enrolments.AddAsync(user.Scope, enrolment, assessment.ResultJson, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry("Enrolment", enrolment.Id.ToString(), "Created", enrolment.Region, null, EnrolmentDto.From(enrolment),
                $"Approval of application {id} (R-22)."),
            cancellationToken).ConfigureAwait(false);

        var approvedVersion = application.Version;
        application.MarkEnrolled([enrolment.Id], today, user.Subject);
        await applications.SaveAsync(user.Scope, application, approvedVersion, application.Deadlines(calendar, limits, today), assessment.ResultJson, cancellationToken)
            .ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry("Application", id, "Enrolled", application.Region, new { Status = ApplicationStatus.Approved },
                new { application.Status, EnrolmentId = enrolment.Id }, $"Enrolment {enrolment.Id} created."),
            cancellationToken).ConfigureAwait(false);
        return ApplicationDto.From(application, assessment.ResultJson, calendar, limits, today);
    }
}

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
            if (applicant is null || applicant.Outcome != "Tekun")
            {
                throw NotSupported(application, assessment, applicant?.Outcome ?? "not assessed");
            }

            tekunPerson = new CoveredPerson(applicant.MemberId, applicant.IdNumber);
            covered = [tekunPerson];
            amount = applicant.MonthlyAmount ?? 0m;
        }
        else
        {
            string[] outcomes = application.Programme switch
            {
                Programme.Dibao => ["Dibao", "DibaoSinglePerson"],
                Programme.DibaoMarginal => ["DibaoMarginal"],
                _ => ["ExpenditureHardship"],
            };
            covered = assessment.Members.Where(m => outcomes.Contains(m.Outcome)).Select(m => new CoveredPerson(m.MemberId, m.IdNumber)).ToList();
            if (covered.Count == 0)
            {
                throw NotSupported(application, assessment, assessment.Outcome);
            }

            // Household amount = tekun amounts + the dibao unit + single-person amounts; tekun members are enrolled on their own.
            amount = assessment.MonthlyAmount - assessment.Members.Where(m => m.Outcome == "Tekun").Sum(m => m.MonthlyAmount ?? 0m);
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
