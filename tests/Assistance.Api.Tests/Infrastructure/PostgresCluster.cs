namespace Assistance.Api.Tests.Infrastructure;

using Npgsql;

/// <summary>
/// The PostgreSQL server of this test run, named by ASSISTANCE_TEST_DB: the throwaway cluster ./test.sh starts with
/// scripts/pg.sh (the one place a cluster is provisioned), or any server a developer points it at. Tests never mock
/// the database; its user must be able to create databases (each test class gets a copy of a migrated template).
/// </summary>
public sealed class PostgresCluster
{
    private PostgresCluster(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    /// <summary>Connection string to the maintenance database <c>postgres</c> with rights to create databases.</summary>
    public string AdminConnectionString { get; }

    public static PostgresCluster FromEnvironment()
    {
        var server = Environment.GetEnvironmentVariable("ASSISTANCE_TEST_DB");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                "ASSISTANCE_TEST_DB is not set: run ./test.sh (it starts a throwaway PostgreSQL cluster), or set ASSISTANCE_TEST_DB to the "
                + "Npgsql connection string of a server whose user may create databases and roles.");
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        return new PostgresCluster(builder.ConnectionString);
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true, MaxPoolSize = 50 }.ConnectionString;

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
