namespace Assistance.Application.Applications;

using Assistance.Application.Abstractions;
using Assistance.Application.Calendar;
using Assistance.Application.Common;
using Assistance.Application.Policy;
using Assistance.Domain.Applications;
using Assistance.Domain.Calendar;
using CaseApplication = Assistance.Domain.Applications.Application;

/// <summary>What a transition needs: the day (China time), the actor, the calendar and the caller.</summary>
public sealed record TransitionContext(DateOnly Today, string Actor, WorkingDayCalendar Calendar, StatutoryTimeLimits Limits, ICurrentUser User);

/// <summary>
/// What every workflow step on one application shares, as a collaborator the handlers call (not a base class): load
/// (404 outside the caller's region), check the version (412), apply the domain method (409 on a broken rule), recompute
/// deadlines (409 when the calendar lacks a year), save, audit with actor and reason. All inside the command's unit of
/// work, so a refused step writes nothing.
/// </summary>
public sealed class ApplicationTransitions(
    IApplicationRepository applications, ICalendarStore calendars, IPolicyStore policy, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Runs one step: <paramref name="step"/> is the domain call.</summary>
    public async Task<ApplicationDto> ApplyAsync(
        Guid applicationId, IfMatch expectedVersion, Action<CaseApplication, TransitionContext> step,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var (application, assessment) = await LoadAsync(applicationId, expectedVersion, cancellationToken).ConfigureAwait(false);
        var loadedVersion = application.Version;
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        var limits = await policy.TimeLimitsAsync(application.Region, cancellationToken).ConfigureAwait(false);
        var context = new TransitionContext(clock.Today(), user.Subject, calendar, limits, user);
        step(application, context);

        // The aggregate's events become the audit rows (DomainEventsBehaviour), in this transaction.
        await applications.SaveAsync(user.Scope, application, loadedVersion, application.Deadlines(calendar, limits, context.Today), assessment, cancellationToken)
            .ConfigureAwait(false);
        return ApplicationDto.From(application, assessment, calendar, limits, context.Today);
    }

    /// <summary>Loads the application in the caller's scope (404 otherwise) at the version the caller saw (412 otherwise).</summary>
    public async Task<(CaseApplication Application, string? Assessment)> LoadAsync(Guid id, IfMatch expectedVersion, CancellationToken cancellationToken)
    {
        var f = VersionedLoad.Require(
            await applications.GetAsync(user.Scope, id, cancellationToken).ConfigureAwait(false), "Application", id, expectedVersion, x => x.Application.Version);
        return (f.Application, f.AssessmentJson);
    }
}
