namespace Assistance.Domain.Applications;

using Assistance.Domain.Calendar;
using Assistance.Domain.Policy;

/// <summary>
/// The statutory deadlines of an application (domain.md §7, R-50): which periods have started, when each is due on the
/// working-day calendar, and whether the step that ends it came in time. A pure reading of the aggregate's dates; the
/// limits themselves are the region's <c>deadline.*</c> parameters (<see cref="StatutoryTimeLimits"/>).
/// </summary>
public static class StatutoryDeadlines
{
    /// <summary>
    /// Each statutory time limit whose start is known, its due date, and whether it is met. A year missing from the
    /// calendar throws <see cref="CalendarYearMissingException"/>.
    /// </summary>
    public static IReadOnlyList<Deadline> Of(Application application, WorkingDayCalendar calendar, StatutoryTimeLimits limits, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(limits);
        var list = new List<Deadline>();
        var source = StatutoryTimeLimits.Source(application.Programme);
        var decidedOn = application.Decision?.DecidedOn;
        var closed = ApplicationTransitionTable.IsClosed(application.Status);

        void Add(DeadlineStep step, DateOnly start, ParameterDefinition key, DateOnly? completed)
        {
            var limit = limits.Days(key, start);
            var due = calendar.AddWorkingDays(start, limit);
            var state = completed is { } c
                ? (c <= due ? DeadlineState.Met : DeadlineState.Late)
                : (today > due ? DeadlineState.Overdue : DeadlineState.Pending);
            list.Add(new Deadline(step, start, limit, Deadline.WorkingDays, due, completed, state, source));
        }

        if (application.AcceptedOn is { } accepted)
        {
            if (application.Programme == Programme.Tekun)
            {
                // Investigation = check results and the home survey; completed when both are in.
                DateOnly? investigated = application.VerificationCompletedOn is { } v && application.LastSurveyOn is { } s && application.Status >= ApplicationStatus.Surveyed
                    ? (v > s ? v : s)
                    : null;
                if (investigated is null && closed)
                {
                    investigated = decidedOn;
                }

                Add(DeadlineStep.Investigation, accepted, ParameterCatalog.DeadlineTekunInvestigation, investigated);
            }
            else
            {
                Add(DeadlineStep.StartVerification, accepted, ParameterCatalog.DeadlineDibaoVerificationStart, application.VerificationRequestedOn ?? (closed ? decidedOn : null));
                Add(DeadlineStep.WholeProcess, accepted,
                    application.Extended ? ParameterCatalog.DeadlineDibaoTotalExtended : ParameterCatalog.DeadlineDibaoTotal, decidedOn);
            }
        }

        if (application.Programme != Programme.Tekun && application.VerificationRequestedOn is { } requested)
        {
            Add(DeadlineStep.DataCheck, requested, ParameterCatalog.DeadlineDibaoCountyDataCheck, application.VerificationCompletedOn ?? (closed ? decidedOn : null));
        }

        if (application.NoticeClosedOn is { } fileReceived)
        {
            Add(DeadlineStep.Decision, fileReceived, StatutoryTimeLimits.DecisionKey(application.Programme), decidedOn);
        }

        if (application.Decision is { Kind: DecisionKind.Reject } rejection)
        {
            Add(DeadlineStep.RefusalNotice, rejection.DecidedOn, ParameterCatalog.DeadlineDibaoRefusalNotice, application.RefusalNoticeIssuedOn);
        }

        return list;
    }

    /// <summary>
    /// Last day of the public notice: deadline.*.publicNoticeCalendarDays counted from the day after it opened, moved
    /// to the next working day when it ends on a rest day (Civil Code Art. 201, 203; domain.md §7).
    /// </summary>
    public static DateOnly NoticeEndsOn(Programme programme, DateOnly openedOn, WorkingDayCalendar calendar, StatutoryTimeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return StatutoryTimeLimits.CalendarPeriodEnd(calendar, openedOn, limits.Days(StatutoryTimeLimits.PublicNoticeKey(programme), openedOn));
    }
}
