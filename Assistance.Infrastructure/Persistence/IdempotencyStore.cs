namespace Assistance.Infrastructure.Persistence;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Dapper;
using Npgsql;

/// <summary>Idempotency records live in the command's transaction, so a stored response always matches a committed change.</summary>
public sealed class IdempotencyStore(DbSession session, TimeProvider clock) : IIdempotencyStore
{
    public async Task<StoredIdempotentResponse?> AcquireAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);

        // A transaction-level advisory lock on the key: a concurrent duplicate does not wait behind the first
        // (which could take long) but is told at once that the key is in use.
        var acquired = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT pg_try_advisory_xact_lock(hashtextextended(@lockKey, 0))",
            new { lockKey = scope + "|" + key },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!acquired)
        {
            throw new IdempotencyInProgressException();
        }

        var row = await connection.QuerySingleOrDefaultAsync<(string RequestHash, string Response)?>(new CommandDefinition(
            """
            SELECT request_hash, response::text
            FROM idempotency_keys
            WHERE scope = @scope AND key = @key
            """,
            new { scope, key },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new StoredIdempotentResponse(r.RequestHash, r.Response) : null;
    }

    public async Task SaveAsync(string scope, string key, string requestHash, string responseJson, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO idempotency_keys (scope, key, request_hash, response, created_at)
                VALUES (@scope, @key, @requestHash, @response::jsonb, @createdAt)
                """,
                new { scope, key, requestHash, response = responseJson, createdAt = clock.GetUtcNow() },
                session.Transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The key is stored already, under a region scope this caller cannot see (row-level security, 0026): the
            // same subject used it from another region. Never replay across scopes; the whole unit of work rolls back.
            throw new IdempotencyKeyReusedException();
        }
    }
}
