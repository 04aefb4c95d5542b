namespace Assistance.Application.Jobs;

/// <summary>A registered job as callers see it.</summary>
public sealed record JobDescription(string Name, string Description, string Schedule, string Period);

/// <summary>
/// Runs jobs once per period (the job_runs record decides, whichever replica or caller asks), and answers what is
/// registered, what ran last and when each fires next.
/// </summary>
public interface IJobRunner
{
    IReadOnlyList<JobDescription> Jobs { get; }

    /// <summary>Runs <paramref name="job"/> for <paramref name="period"/> (null: the current period); a period already run is a recorded no-op.</summary>
    Task<JobRunDto> RunAsync(string job, string? period, JobTrigger trigger, string requestedBy, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="period"/> is a period of the job's kind (a day, a month or an hour).</summary>
    bool IsValidPeriod(string job, string period);

    Task<IReadOnlyDictionary<string, JobRunDto>> LastRunsAsync(CancellationToken cancellationToken);

    /// <summary>Next fire time per job from the clustered schedule; empty when the scheduler is off on this replica.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset?>> NextFireTimesAsync(CancellationToken cancellationToken);
}
