namespace Assistance.Infrastructure.Scheduling.Jobs;

using Assistance.Application.Reviews.EndExpiredGradualExits;
using Assistance.Application.Abstractions;

/// <summary>
/// Daily: ends the gradual exits (渐退) that have run their length and the terminations a review moratorium
/// postponed, where no moratorium holds them any more — the same use case as POST /api/v1/reviews/exits, as the system.
/// </summary>
public sealed class GradualExitEndsJob(ISender sender) : IScheduledJob
{
    public static string Name => "gradual-exit-ends";

    public static string Description => "Daily (R-32, R-31): ends run-out gradual exits and terminations a review moratorium postponed, as of the day.";

    public static string DefaultSchedule => "0 30 1 * * ?";

    public static JobPeriodKind PeriodKind => JobPeriodKind.Day;

    public async Task<IReadOnlyDictionary<string, long>> RunAsync(JobPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var applied = await sender.Send(new EndExpiredGradualExitsCommand(period.FirstDay), cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, long>
        {
            ["ended"] = applied.Ended.Count,
            ["gradualExitsCompleted"] = applied.Ended.Count(e => e.Kind == "GradualExitCompleted"),
        };
    }
}
