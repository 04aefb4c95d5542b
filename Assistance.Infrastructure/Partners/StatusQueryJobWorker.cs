namespace Assistance.Infrastructure.Partners;

using System.Text.Json;
using Assistance.Application.StatusQueries;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>
/// Answers asynchronous status queries. Jobs are rows, so a restart loses none: each pass claims the oldest pending job
/// with <c>FOR UPDATE SKIP LOCKED</c> (replicas never answer the same job twice), answers its items in chunks of the
/// synchronous limit with the same statement as the synchronous path, under the job's stored region scope (the
/// transaction sets <c>assistance.region_prefix</c>, so row-level security applies), and completes it in the same
/// transaction. Completed jobs (they hold ID numbers) are deleted after <c>StatusQueries:RetentionHours</c> (default 24).
/// </summary>
public sealed partial class StatusQueryJobWorker(
    NpgsqlDataSource dataSource, StatusQueryLimits limits, IConfiguration configuration, TimeProvider clock, ILogger<StatusQueryJobWorker> logger)
    : BackgroundService
{
    /// <summary>Answers at most one pending job; false when there was none.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var job = await connection.QuerySingleOrDefaultAsync<(Guid Id, string Prefix, string Items)?>(new CommandDefinition(
            """
            SELECT id, scope_prefix, items::text FROM status_query_jobs
            WHERE status = 'Pending' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED
            """, transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (job is not { } claimed)
        {
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT set_config('assistance.region_prefix', @prefix, true)", new { prefix = claimed.Prefix }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var items = JsonSerializer.Deserialize<StatusQueryItem[]>(claimed.Items, StatusQueryJobStore.Json)!;
        var sqlPrefix = claimed.Prefix == "*" ? string.Empty : claimed.Prefix;
        var answers = new List<StatusAnswer>(items.Length);
        foreach (var chunk in items.Chunk(Math.Max(1, limits.SynchronousLimit)))
        {
            answers.AddRange(await BeneficiaryStatusLookup.AnswerAsync(connection, tx, sqlPrefix, chunk, cancellationToken).ConfigureAwait(false));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE status_query_jobs SET status = 'Completed', results = @results::jsonb, completed_at = @now WHERE id = @id",
            new { id = claimed.Id, results = JsonSerializer.Serialize(answers, StatusQueryJobStore.Json), now = clock.GetUtcNow() }, tx,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogAnswered(logger, claimed.Id, items.Length);
        return true;
    }

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromHours(configuration.GetValue("StatusQueries:RetentionHours", 24));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM status_query_jobs WHERE created_at < @cutoff", new { cutoff }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(configuration.GetValue("StatusQueries:PollIntervalMilliseconds", 1000));
        var lastPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken).ConfigureAwait(false))
                {
                }

                if (clock.GetUtcNow() - lastPurge > TimeSpan.FromHours(1))
                {
                    await PurgeAsync(stoppingToken).ConfigureAwait(false);
                    lastPurge = clock.GetUtcNow();
                }

                await Task.Delay(interval, TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The database may be unavailable or not migrated yet: the next round tries again.
                LogFailed(logger, ex);
                await Task.Delay(interval, TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered status-query job {JobId} ({Count} items)")]
    private static partial void LogAnswered(ILogger logger, Guid jobId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status-query job pass failed; retrying next round")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
