namespace Assistance.Infrastructure.Scheduling.Jobs;

using Assistance.Application.MedicalInsurance.ProduceMonthlyMedicalInsuranceFeed;
using Assistance.Infrastructure.Reports;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Assistance.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// R-37 monthly medical-insurance feed: on the 1st it records the month just ended's counts of persons who became or
/// stopped being beneficiaries, per programme (the rows are GET /api/v1/reports/medical-insurance-changes), and puts
/// one MonthlyMedicalInsuranceFeed event per province in the partner outbox (docs/partners.md); the event id is derived
/// from region and month, so a rerun sends nothing new.
/// </summary>
public sealed class MedicalInsuranceFeedJob(
    MedicalInsuranceReportQueries reports, ISender sender, [FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource dataSource) : IScheduledJob
{
    public static string Name => "medical-insurance-feed";

    public static string Description => "Monthly (R-37): counts of persons who became or stopped being beneficiaries in the month just ended, per programme.";

    public static string DefaultSchedule => "0 0 3 1 * ?";

    public static JobPeriodKind PeriodKind => JobPeriodKind.PreviousMonth;

    public async Task<IReadOnlyDictionary<string, long>> RunAsync(JobPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var counts = new Dictionary<string, long>(await reports.NationalCountsAsync(period.FirstDay, cancellationToken).ConfigureAwait(false));
        IReadOnlyList<string> provinces;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            provinces = [.. await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT left(region_code, 2) || '0000' FROM enrolments ORDER BY 1", cancellationToken: cancellationToken)).ConfigureAwait(false)];
        }

        long produced = 0;
        foreach (var province in provinces)
        {
            var feed = await sender.Send(new ProduceMonthlyMedicalInsuranceFeedCommand(period.Text, province), cancellationToken).ConfigureAwait(false);
            produced += feed.Produced ? 1 : 0;
        }

        counts["feedsProduced"] = produced;
        return counts;
    }
}
