namespace Assistance.Infrastructure.Scheduling.Jobs;

using Assistance.Application.Alerts;
using Assistance.Infrastructure.Alerts;

/// <summary>The daily due-review scan: a ReviewOverdue alert for each active enrolment whose review date has passed.</summary>
public sealed class DueReviewScanJob(AlertRuleRunner runner) : IScheduledJob
{
    public static string Name => "due-review-scan";

    public static string Description => "Daily scan for overdue reviews (R-30): raises ReviewOverdue alerts, clears them once the review date moves on.";

    public static string DefaultSchedule => "0 0 2 * * ?";

    public static JobPeriodKind PeriodKind => JobPeriodKind.Day;

    public async Task<IReadOnlyDictionary<string, long>> RunAsync(JobPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        return JobCounts.Of(await runner.RunAsync([AlertRules.ReviewOverdue], period.FirstDay, cancellationToken).ConfigureAwait(false));
    }
}
