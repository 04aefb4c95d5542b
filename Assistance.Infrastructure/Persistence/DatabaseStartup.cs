namespace Assistance.Infrastructure.Persistence;

using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>Loads data after migrations (policy packs, demo households). Each seeder must be idempotent.</summary>
public interface IStartupSeeder
{
    /// <summary>Reference data always runs; demo data only when <c>Database:LoadDemoData</c> is true.</summary>
    bool IsDemoData { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Applies migrations and seeders in the background so the process is live at once and becomes ready when the
/// database is; a database that is down at start is retried rather than crashing the container.
/// </summary>
public sealed partial class DatabaseStartup(
    Migrator migrator,
    [FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource ownerDataSource,
    DatabaseSettings settings,
    IEnumerable<IStartupSeeder> seeders,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DatabaseStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Database:ApplyMigrationsOnStartup", true))
        {
            return;
        }

        var loadDemo = configuration.GetValue("Database:LoadDemoData", false);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await migrator.MigrateAsync(stoppingToken).ConfigureAwait(false);
                await SetAppPasswordAsync(stoppingToken).ConfigureAwait(false);
                foreach (var seeder in seeders.Where(s => loadDemo || !s.IsDemoData))
                {
                    await seeder.SeedAsync(stoppingToken).ConfigureAwait(false);
                }

                LogReady(logger);
                return;
            }
            catch (EvolveDb.EvolveValidationException ex)
            {
                // An applied migration was edited (checksum) or a file is out of order: retrying cannot help, and
                // migrating further would build on a schema nobody can reproduce. Readiness stays red.
                LogRefused(logger, ex);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRetry(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Gives the API's role its configured password (0025 creates the role without one).</summary>
    private async Task SetAppPasswordAsync(CancellationToken cancellationToken)
    {
        if (settings.AppPassword is not { } password)
        {
            return;
        }

        await using var connection = await ownerDataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var statement = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT format('ALTER ROLE %I PASSWORD %L', @role::text, @password::text)",
            new { role = settings.AppRole, password },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(statement!, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Migrations refused: an applied migration was changed or is out of order; revert it and add a new migration instead")]
    private static partial void LogRefused(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated and seeded")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not ready at start; retrying in 5 s")]
    private static partial void LogRetry(ILogger logger, Exception exception);
}

/// <summary>Ready = the database answers and every migration is applied.</summary>
public sealed class DatabaseReadyCheck(Migrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await migrator.IsUpToDateAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy("database reachable, migrations applied")
                : HealthCheckResult.Unhealthy("migrations not yet applied");
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
