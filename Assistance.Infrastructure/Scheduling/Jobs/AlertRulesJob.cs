namespace Assistance.Infrastructure.Scheduling.Jobs;

using Assistance.Application.Alerts;
using Assistance.Infrastructure.Alerts;

/// <summary>The daily early-warning run: every alert rule but the overdue reviews, for the day.</summary>
public sealed class AlertRulesJob(AlertRuleRunner runner) : IScheduledJob
{
    public static readonly IReadOnlyList<string> Rules =
    [
        AlertRules.ZeroEmployment, AlertRules.MarginalRigidSpending, AlertRules.TekunVisitOverdue, AlertRules.TekunMinorTurningAdult,
        AlertRules.DuplicateIdNumber,
    ];

    public static string Name => "alert-rules";

    public static string Description => "Daily early-warning rules (R-36, R-61): raises new alerts, keeps open ones, clears those whose condition ended.";

    public static string DefaultSchedule => "0 30 2 * * ?";

    public static JobPeriodKind PeriodKind => JobPeriodKind.Day;

    public async Task<IReadOnlyDictionary<string, long>> RunAsync(JobPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        return JobCounts.Of(await runner.RunAsync(Rules, period.FirstDay, cancellationToken).ConfigureAwait(false));
    }
}
