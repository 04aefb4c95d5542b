namespace Assistance.Infrastructure.Workflow;

using Assistance.Application.Calendar;
using Assistance.Application.Common;
using Assistance.Domain.Calendar;
using Assistance.Infrastructure.Persistence;
using Dapper;

public sealed class CalendarStore(DbSession session, TimeProvider clock, Application.Events.DomainEventCollector events) : ICalendarStore
{
    public async Task<(CalendarYear Year, long Version)?> FindAsync(int year, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var head = await connection.QuerySingleOrDefaultAsync<(string Source, long Version)?>(new CommandDefinition(
            "SELECT source, version FROM calendar_years WHERE year = @year", new { year }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (head is not { } h)
        {
            return null;
        }

        var days = await Days(connection, year, cancellationToken).ConfigureAwait(false);
        return (Build(year, h.Source, days), h.Version);
    }

    public async Task<IReadOnlyList<int>> ListYearsAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT year FROM calendar_years ORDER BY year", transaction: session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    public async Task<WorkingDayCalendar> LoadAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var years = (await connection.QueryAsync<(int Year, string Source)>(new CommandDefinition(
            "SELECT year, source FROM calendar_years", transaction: session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var days = (await connection.QueryAsync<DayRow>(new CommandDefinition(
            "SELECT day AS Day, year AS Year, kind AS Kind, name AS Name FROM calendar_days", transaction: session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false)).ToLookup(d => d.Year);
        return new WorkingDayCalendar(years.Select(y => Build(y.Year, y.Source, days[y.Year].ToList())));
    }

    public async Task<long> SaveAsync(CalendarYearPublication publication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var year = publication.Year;
        var expectedVersion = publication.ReplacedVersion;
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        long version;
        if (expectedVersion is null)
        {
            var inserted = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                """
                INSERT INTO calendar_years (year, source, version, updated_at) VALUES (@year, @source, 1, @now)
                ON CONFLICT (year) DO NOTHING
                RETURNING version
                """,
                new { year = year.Year, source = year.Source, now = clock.GetUtcNow() }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            version = inserted ?? throw new VersionMismatchException("CalendarYear", 0, await CurrentVersion(connection, year.Year, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            var updated = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                """
                UPDATE calendar_years SET source = @source, version = version + 1, updated_at = @now
                WHERE year = @year AND version = @expectedVersion
                RETURNING version
                """,
                new { year = year.Year, source = year.Source, now = clock.GetUtcNow(), expectedVersion }, session.Transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            version = updated ?? throw new VersionMismatchException(
                "CalendarYear", expectedVersion.Value, await CurrentVersion(connection, year.Year, cancellationToken).ConfigureAwait(false));
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM calendar_days WHERE year = @year", new { year = year.Year }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await InsertDaysAsync(connection, year, session.Transaction, cancellationToken).ConfigureAwait(false);
        events.Collect(publication);
        return version;
    }

    /// <summary>Writes a year's holidays and make-up working days in one set-based statement (store and seeder share it).</summary>
    internal static Task InsertDaysAsync(Npgsql.NpgsqlConnection connection, CalendarYear year, Npgsql.NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var days = year.HolidayNames.Select(h => (Day: h.Key, Kind: "Holiday", Name: (string?)h.Value))
            .Concat(year.MakeUpWorkingDays.Select(d => (Day: d, Kind: "MakeUpWorkingDay", Name: (string?)null)))
            .ToList();
        return connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO calendar_days (day, year, kind, name)
            SELECT d, @year, k, n FROM unnest(@days::date[], @kinds::text[], @names::text[]) AS t(d, k, n)
            """,
            new
            {
                year = year.Year,
                days = days.Select(d => d.Day.ToDateTime(TimeOnly.MinValue)).ToArray(),
                kinds = days.Select(d => d.Kind).ToArray(),
                names = days.Select(d => d.Name).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    private async Task<long> CurrentVersion(Npgsql.NpgsqlConnection connection, int year, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT version FROM calendar_years WHERE year = @year", new { year }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;

    private async Task<List<DayRow>> Days(Npgsql.NpgsqlConnection connection, int year, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<DayRow>(new CommandDefinition(
            "SELECT day AS Day, year AS Year, kind AS Kind, name AS Name FROM calendar_days WHERE year = @year",
            new { year }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();

    private static CalendarYear Build(int year, string source, IReadOnlyList<DayRow> days) => new(
        year,
        days.Where(d => d.Kind == "Holiday").Select(d => new Holiday(d.Day, d.Name ?? "holiday")),
        days.Where(d => d.Kind == "MakeUpWorkingDay").Select(d => d.Day),
        source);

    private sealed record DayRow(DateOnly Day, int Year, string Kind, string? Name);
}

/// <summary>Loads the reviewable national calendar seed (Persistence/Seed/calendar.json): years not yet stored are added, edited years are left alone.</summary>
public sealed class CalendarSeeder([Microsoft.Extensions.DependencyInjection.FromKeyedServices(Persistence.DatabaseSettings.SystemKey)] Npgsql.NpgsqlDataSource dataSource, TimeProvider clock) : IStartupSeeder
{
    public bool IsDemoData => false;

    public static IReadOnlyList<CalendarYear> SeedYears()
    {
        var assembly = typeof(CalendarSeeder).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Persistence.Seed.calendar.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return CalendarSeedFile.Parse(reader.ReadToEnd());
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var year in SeedYears())
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO calendar_years (year, source, version, updated_at) VALUES (@year, @source, 1, @now) ON CONFLICT (year) DO NOTHING",
                new { year = year.Year, source = year.Source, now = clock.GetUtcNow() }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (inserted == 0)
            {
                continue;
            }

            await CalendarStore.InsertDaysAsync(connection, year, tx, cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
