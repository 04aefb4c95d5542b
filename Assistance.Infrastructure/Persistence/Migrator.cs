namespace Assistance.Infrastructure.Persistence;

using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> files in order, each in its own transaction, recording
/// them in <c>schema_migrations</c>. A session-level advisory lock serialises replicas that start together.
/// </summary>
public sealed partial class Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger)
{
    // An arbitrary constant shared by every replica: "assist" in ASCII.
    private const long AdvisoryLockKey = 0x617373697374;

    public static IReadOnlyList<(string Version, string Sql)> EmbeddedMigrations()
    {
        var assembly = typeof(Migrator).Assembly;
        const string marker = ".Persistence.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Version: n[(n.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..^4], Resource: n))
            .OrderBy(m => m.Version, StringComparer.Ordinal)
            .Select(m => (m.Version, Read(assembly, m.Resource)))
            .ToList();
    }

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            var applied = (await connection.QueryAsync<string>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: cancellationToken))
                .ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);

            var count = 0;
            foreach (var (version, sql) in EmbeddedMigrations())
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version) VALUES (@version)", new { version }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                LogApplied(logger, version);
                count++;
            }

            return count;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None))
                .ConfigureAwait(false);
        }
    }

    /// <summary>True when every embedded migration is recorded as applied (readiness).</summary>
    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('schema_migrations') IS NOT NULL", cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!exists)
        {
            return false;
        }

        var applied = (await connection.QueryAsync<string>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: cancellationToken))
            .ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        return EmbeddedMigrations().All(m => applied.Contains(m.Version));
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version}")]
    private static partial void LogApplied(ILogger logger, string version);
}
