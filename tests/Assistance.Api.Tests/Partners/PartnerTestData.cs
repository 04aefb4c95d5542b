namespace Assistance.Api.Tests.Partners;

using Assistance.Infrastructure.Synthetic;
using Dapper;
using Npgsql;

/// <summary>Enrolled households for partner tests, loaded by the synthetic-data loader (binary COPY, same shape as the API's rows).</summary>
public static class PartnerTestData
{
    public static readonly DateOnly Today = new(2026, 11, 2);

    public static async Task LoadAsync(string connectionString, int households, TimeProvider clock)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SyntheticDataLoader(dataSource, clock).LoadAsync(households, seed: 13, Today, CancellationToken.None, batchSize: 64);
    }

    public sealed record Person(string IdNumber, string Programme, DateOnly StartMonth, string RegionCode, Guid EnrolmentId, Guid HouseholdId);

    /// <summary>Active enrolment persons as the database holds them (read as the owner, every region).</summary>
    public static async Task<List<Person>> ActivePersonsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT set_config('assistance.region_prefix', '*', true)", transaction: tx);
        return (await connection.QueryAsync<Person>(
            """
            SELECT p.id_number AS IdNumber, p.programme AS Programme, e.start_month AS StartMonth, p.region_code::text AS RegionCode, e.id AS EnrolmentId, e.household_id AS HouseholdId
            FROM enrolment_persons p JOIN enrolments e ON e.id = p.enrolment_id WHERE p.active ORDER BY p.id_number
            """, transaction: tx)).ToList();
    }

    /// <summary>A well-formed ID number (valid check character) that nobody holds.</summary>
    public static string UnknownIdNumber(int sequence)
    {
        var body = "11010119000101" + (sequence % 1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return Assistance.Api.OpenApi.ContractExamples.Id(body);
    }
}
