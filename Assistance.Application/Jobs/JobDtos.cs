namespace Assistance.Application.Jobs;

using System.ComponentModel.DataAnnotations;

/// <summary>Who asked for a run: the clustered schedule, or a caller through POST /jobs/{name}/runs.</summary>
public enum JobTrigger
{
    Schedule,
    OnDemand,
}

/// <summary>
/// Running (in progress), Succeeded, Failed (the period may be run again), Skipped (the period had already run: a
/// no-op, recorded with the run that did the work).
/// </summary>
public enum JobOutcome
{
    Running,
    Succeeded,
    Failed,
    Skipped,
}

/// <summary>One attempt of a job for a period, with what it counted.</summary>
public sealed record JobRunDto(
    Guid Id,
    [property: MaxLength(60)] string Job,
    [property: MaxLength(13)] string Period,
    JobTrigger Trigger,
    [property: MaxLength(200)] string RequestedBy,
    JobOutcome Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyDictionary<string, long> Counts,
    [property: MaxLength(2000)] string? Detail,
    Guid? SameAsRun);

/// <summary>A scheduled job: its schedule (cron, in the scheduler's time zone), the period it works on, last run and next fire time.</summary>
public sealed record JobDto(
    [property: MaxLength(60)] string Name,
    [property: MaxLength(500)] string Description,
    [property: MaxLength(100)] string Schedule,
    [property: MaxLength(10)] string Period,
    DateTimeOffset? NextFireTime,
    JobRunDto? LastRun);

public sealed record JobList([property: MaxLength(100)] IReadOnlyList<JobDto> Items);
