namespace Assistance.Application.Applications.DecideApplication;

using Assistance.Application.Abstractions;
using Assistance.Application.Calendar;
using Assistance.Application.Common;
using Assistance.Application.Enrolments;
using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Enrolments;

public sealed class DecideApplicationHandler(
    ApplicationTransitions transitions,
    IApplicationRepository applications,
    IEnrolmentRepository enrolments,
    IHouseholdDirectory households,
    IEligibilityAssessor assessor,
    ICalendarStore calendars,
    Policy.IPolicyStore policy,
    ICurrentUser user,
    TimeProvider clock) : ICommandHandler<DecideApplicationCommand, ApplicationDto>
{
    public async Task<ApplicationDto> Handle(DecideApplicationCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (application, _) = await transitions.LoadAsync(request.ApplicationId, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var loadedVersion = application.Version;
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        var limits = await policy.TimeLimitsAsync(application.Region, cancellationToken).ConfigureAwait(false);
        var today = clock.Today();
        var countyOrAbove = BusinessRulesAtCounty.IsCountyOrAbove(user);
        var id = application.Id.ToString();

        if (request.Decision == DecisionKind.Reject)
        {
            application.Reject(countyOrAbove, request.Reasons ?? string.Empty, today, user.Subject);
            await applications.SaveAsync(user.Scope, application, loadedVersion, application.Deadlines(calendar, limits, today), null, cancellationToken).ConfigureAwait(false);
            return ApplicationDto.From(application, null, calendar, limits, today);
        }

        if (application.Programme == Programme.Tekun)
        {
            BusinessRules.Check(new TekunEnrolmentHasCareSetting(Programme.Tekun, request.CareSetting));
        }

        application.Approve(countyOrAbove, today, user.Subject, request.Reasons);

        // The engine assesses on the decision date; the result and its trace are stored with the decision.
        var assessment = await assessor.AssessAsync(user.Scope, application.HouseholdId, application.Region, today, cancellationToken).ConfigureAwait(false);

        application.NoteApprovalAssessment(assessment is null
            ? ApprovalAssessment.Unavailable
            : new ApprovalAssessment(assessment.Outcome, assessment.MonthlyAmount));

        // Saving first takes the row lock and checks the version: of two concurrent approvals only one gets past here.
        // Approved (and AssessmentUnavailable, Enrolled) are audited from the aggregate's events, in this transaction.
        await applications.SaveAsync(user.Scope, application, loadedVersion, application.Deadlines(calendar, limits, today), assessment?.ResultJson, cancellationToken)
            .ConfigureAwait(false);
        if (assessment is null)
        {
            // Seam: no eligibility engine is wired in (IEligibilityAssessor returned null). The decision stands; the
            // enrolment is created once an assessment exists. Nothing is invented here.
            return ApplicationDto.From(application, null, calendar, limits, today);
        }

        var household = await households.FindAsync(user.Scope, application.HouseholdId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Household", application.HouseholdId.ToString());
        var enrolment = await EnrolmentFactory.CreateAsync(application, household, assessment, request.CareSetting, today, enrolments, cancellationToken)
            .ConfigureAwait(false);
        await enrolments.AddAsync(user.Scope, enrolment, assessment.ResultJson, cancellationToken).ConfigureAwait(false);

        var approvedVersion = application.Version;
        application.MarkEnrolled([enrolment.Id], today, user.Subject);
        await applications.SaveAsync(user.Scope, application, approvedVersion, application.Deadlines(calendar, limits, today), assessment.ResultJson, cancellationToken)
            .ConfigureAwait(false);
        return ApplicationDto.From(application, assessment.ResultJson, calendar, limits, today);
    }
}
