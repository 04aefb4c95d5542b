namespace Assistance.Infrastructure.Persistence;

using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>
/// Stored idempotent responses are kept only as long as a client can sensibly retry (default 24 hours): they hold
/// whole responses, which may include unmasked ID numbers for callers with <c>pii.read</c>, so they must not pile up.
/// </summary>
public sealed partial class IdempotencyRetention([Microsoft.Extensions.DependencyInjection.FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider clock, ILogger<IdempotencyRetention> logger)
    : BackgroundService
{
    private static readonly KeyValuePair<string, object?> Job = new("job", "idempotency-purge");

    public TimeSpan Retention => TimeSpan.FromHours(configuration.GetValue("Idempotency:RetentionHours", 24));

    /// <summary>Deletes records older than the retention; returns how many (set-based, one statement).</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE created_at < @cutoff", new { cutoff }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(configuration.GetValue("Idempotency:PurgeIntervalMinutes", 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken).ConfigureAwait(false);
                var deleted = await PurgeAsync(stoppingToken).ConfigureAwait(false);
                Application.Abstractions.AssistanceTelemetry.JobRuns.Add(1, Job, new KeyValuePair<string, object?>("result", "ok"));
                LogPurged(logger, deleted);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                // The database may be down for a while; the next round tries again.
                Application.Abstractions.AssistanceTelemetry.JobRuns.Add(1, Job, new KeyValuePair<string, object?>("result", "failed"));
                LogFailed(logger, ex);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired idempotency records")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency purge failed; retrying next round")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
