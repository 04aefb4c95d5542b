namespace Assistance.Infrastructure.Scheduling.Jobs;

using System.Globalization;
using Assistance.Application.PaymentRolls.GenerateMonthlyPaymentRolls;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Assistance.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// Monthly: on the 1st, the month's payment rolls of every county that has enrolments not ended — the same use
/// case as POST /api/v1/payment-rolls per county and programme, as the system. A roll that exists is returned, never
/// generated again, so a rerun (or another replica) pays nobody twice.
/// </summary>
public sealed class PaymentRollsJob(ISender sender, [FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource dataSource) : IScheduledJob
{
    public static string Name => "payment-rolls";

    public static string Description => "Monthly (R-40): the month's payment rolls of every county with enrolments, generated once (existing rolls are kept).";

    public static string DefaultSchedule => "0 0 2 1 * ?";

    /// <summary>The day it fires: the roll is for that day's month.</summary>
    public static JobPeriodKind PeriodKind => JobPeriodKind.Day;

    public async Task<IReadOnlyDictionary<string, long>> RunAsync(JobPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var month = period.FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        IReadOnlyList<string> counties;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            counties = [.. await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT left(region_code, 6) FROM enrolments WHERE status <> 'Ended' ORDER BY 1", cancellationToken: cancellationToken)).ConfigureAwait(false)];
        }

        long rolls = 0;
        foreach (var county in counties)
        {
            rolls += (await sender.Send(new GenerateMonthlyPaymentRollsCommand(county, month), cancellationToken).ConfigureAwait(false)).Count;
        }

        return new Dictionary<string, long> { ["counties"] = counties.Count, ["rolls"] = rolls };
    }
}
