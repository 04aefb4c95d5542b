namespace Assistance.Infrastructure.Scheduling;

/// <summary>What a job's period is: the unit a run works on and is idempotent for.</summary>
public enum JobPeriodKind
{
    /// <summary>The hour the run fires in, e.g. 2026-11-02T09.</summary>
    Hour,

    /// <summary>The day the run fires on, e.g. 2026-11-02.</summary>
    Day,

    /// <summary>The month before the one the run fires in (a monthly report runs on the 1st for the month just ended), e.g. 2026-10.</summary>
    PreviousMonth,
}

/// <summary>The period a run works on, on the China calendar (UTC+8).</summary>
public sealed record JobPeriod(JobPeriodKind Kind, string Text, DateOnly FirstDay, DateOnly EndDay)
{
    /// <summary>For an hour, its start (UTC).</summary>
    public DateTimeOffset? HourStart { get; init; }
}

/// <summary>
/// A scheduled job. Adding one = this class plus one line in <see cref="SchedulingRegistration.AddJobs"/>
/// (<c>services.AddScheduledJob&lt;MyJob&gt;()</c>): it is then scheduled on the clustered store (once across
/// replicas), listed by GET /api/v1/jobs and can be run with POST /api/v1/jobs/{name}/runs. The runner makes a run
/// idempotent per period (job_runs); the job itself only does the period's work and returns what it counted. It is
/// resolved from a fresh DI scope for each run.
/// </summary>
public interface IScheduledJob
{
    /// <summary>The job's name in the API and the job store (kebab-case).</summary>
    static abstract string Name { get; }

    static abstract string Description { get; }

    /// <summary>Quartz cron expression in the scheduler's time zone; <c>Scheduler:Jobs:{Name}:Schedule</c> overrides it.</summary>
    static abstract string DefaultSchedule { get; }

    static abstract JobPeriodKind PeriodKind { get; }

    Task<IReadOnlyDictionary<string, long>> RunAsync(JobPeriod period, CancellationToken cancellationToken);
}

/// <summary>A registered job (what <c>AddScheduledJob</c> records).</summary>
public sealed record JobDescriptor(string Name, string Description, string DefaultSchedule, JobPeriodKind PeriodKind, Type JobType);
