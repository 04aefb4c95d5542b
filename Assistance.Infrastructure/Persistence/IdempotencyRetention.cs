namespace Assistance.Infrastructure.Persistence;

using Dapper;
using Microsoft.Extensions.Configuration;
using Npgsql;

/// <summary>
/// Stored idempotent responses are kept only as long as a client can sensibly retry (default 24 hours): they hold
/// whole responses, which may include unmasked ID numbers for callers with <c>pii.read</c>, so they must not pile up.
/// The hourly purge is the <c>idempotency-purge</c> job of the clustered scheduler (Scheduling/Jobs/IdempotencyPurgeJob).
/// </summary>
public sealed class IdempotencyRetention([Microsoft.Extensions.DependencyInjection.FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider clock)
{
    public TimeSpan Retention => TimeSpan.FromHours(configuration.GetValue("Idempotency:RetentionHours", 24));

    /// <summary>Deletes records older than the retention; returns how many (set-based, one statement).</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE created_at < @cutoff", new { cutoff }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
