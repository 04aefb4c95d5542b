namespace Assistance.Infrastructure.Synthetic;

using System.Globalization;
using Assistance.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

/// <summary>
/// <c>synthetic-data --households N [--seed S] [--today YYYY-MM-DD]</c> (scripts/synthetic-data.sh): migrates the database
/// of <c>ASSISTANCE_DB</c> (the owner's connection string), loads the policy packs and then N synthetic enrolled
/// households. For load tests and benchmarks only: never point it at a production register.
/// </summary>
public static class SyntheticDataCommand
{
    public static async Task<int> RunAsync(string[] args, string? connectionString, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        int households = 0, seed = 1;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            var ok = args[i] switch
            {
                "--households" => int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out households),
                "--seed" => int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out seed),
                "--today" => DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today),
                _ => false,
            };
            if (!ok)
            {
                await error.WriteLineAsync($"synthetic-data: bad option {args[i]} {args[i + 1]}").ConfigureAwait(false);
                return 2;
            }
        }

        if (households <= 0 || string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync("usage: ASSISTANCE_DB=<owner connection string> synthetic-data --households N [--seed S] [--today YYYY-MM-DD]")
                .ConfigureAwait(false);
            return 2;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new Migrator(dataSource, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        await new PolicyPackSeeder(dataSource, TimeProvider.System, NullLogger<PolicyPackSeeder>.Instance).SeedAsync(CancellationToken.None).ConfigureAwait(false);
        var summary = await new SyntheticDataLoader(dataSource, TimeProvider.System).LoadAsync(households, seed, today, CancellationToken.None).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"synthetic-data: {summary.Households} households, {summary.Members} members, {summary.Enrolments} active enrolments ({summary.TekunEnrolments} tekun, {summary.CareAgreements} care agreements) in {summary.Elapsed.TotalSeconds:F1} s"))
            .ConfigureAwait(false);
        return 0;
    }
}
