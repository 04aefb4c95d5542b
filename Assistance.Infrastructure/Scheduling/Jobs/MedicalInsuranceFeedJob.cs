namespace Assistance.Infrastructure.Scheduling.Jobs;

using Assistance.Infrastructure.Reports;

/// <summary>
/// R-37 monthly medical-insurance feed, first part: on the 1st it records the month just ended's counts of persons who
/// became or stopped being beneficiaries, per programme (the rows are GET /api/v1/reports/medical-insurance-changes).
/// Delivering them to the bureau comes with the partner-interoperability issue.
/// </summary>
public sealed class MedicalInsuranceFeedJob(MedicalInsuranceReportQueries reports) : IScheduledJob
{
    public static string Name => "medical-insurance-feed";

    public static string Description => "Monthly (R-37): counts of persons who became or stopped being beneficiaries in the month just ended, per programme.";

    public static string DefaultSchedule => "0 0 3 1 * ?";

    public static JobPeriodKind PeriodKind => JobPeriodKind.PreviousMonth;

    public async Task<IReadOnlyDictionary<string, long>> RunAsync(JobPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await reports.NationalCountsAsync(period.FirstDay, cancellationToken).ConfigureAwait(false);
    }
}
