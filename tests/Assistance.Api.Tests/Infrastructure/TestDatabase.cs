namespace Assistance.Api.Tests;

using Assistance.Api.Tests.Infrastructure;

using Assistance.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

/// <summary>
/// One migrated template database per test run on the server of ASSISTANCE_TEST_DB; each test class gets its own
/// database copied from the template (CREATE DATABASE … TEMPLATE is a file copy: fast, and classes never see each
/// other's rows). The template is dropped at the end; the server itself belongs to whoever started it (test.sh).
/// </summary>
[SetUpFixture]
public sealed class TestDatabase
{
    private static PostgresCluster? cluster;
    private static string templateName = "assistance_template";

    public static PostgresCluster Cluster => cluster ?? throw new InvalidOperationException("The test cluster has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        cluster = PostgresCluster.FromEnvironment();
        templateName = $"assistance_template_{Guid.NewGuid():N}"[..32];
        await cluster.ExecuteAsync($"CREATE DATABASE {templateName}");
        await using (var dataSource = NpgsqlDataSource.Create(cluster.ConnectionStringFor(templateName)))
        {
            await new Migrator(dataSource, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
            await new PolicyPackSeeder(dataSource, TimeProvider.System, NullLogger<PolicyPackSeeder>.Instance).SeedAsync(CancellationToken.None);
        }

        NpgsqlConnection.ClearAllPools();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (cluster is not null)
        {
            try
            {
                await cluster.ExecuteAsync($"DROP DATABASE IF EXISTS {templateName}");
            }
            catch (PostgresException)
            {
                // Still in use by a lingering connection: harmless on a throwaway cluster, left for a developer's server.
            }
        }
    }

    /// <summary>Creates a fresh migrated database and returns its connection string.</summary>
    public static async Task<string> CreateAsync()
    {
        var name = $"test_{Guid.NewGuid():N}";
        await Cluster.ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {templateName}");
        return Cluster.ConnectionStringFor(name);
    }

    /// <summary>An empty database with no migrations, for migrator tests.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = $"empty_{Guid.NewGuid():N}";
        await Cluster.ExecuteAsync($"CREATE DATABASE {name}");
        return Cluster.ConnectionStringFor(name);
    }
}
