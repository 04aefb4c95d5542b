namespace Assistance.Infrastructure.Persistence;

using System.Data;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Npgsql;

/// <summary>
/// The scoped connection and transactions of one request, as the API's non-owner role. Every transaction starts by
/// setting <c>assistance.region_prefix</c> (transaction-local) to the caller's scope, which the row-level security
/// policies of 0025 read: commands get their transaction from the unit-of-work behaviour, queries an implicit one on
/// first use. A caller without a valid region gets an empty setting and sees nothing (fails closed).
/// </summary>
public sealed class DbSession(NpgsqlDataSource dataSource, ICurrentUser user, DatabaseErrors errors) : IUnitOfWork, IAsyncDisposable
{
    private NpgsqlConnection? connection;
    private NpgsqlTransaction? implicitTransaction;

    public NpgsqlTransaction? Transaction { get; private set; }

    public bool IsActive => Transaction is not null && implicitTransaction is null;

    /// <summary>The open connection, inside a transaction that carries the caller's region scope.</summary>
    public async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        var conn = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (Transaction is null)
        {
            implicitTransaction = await BeginScopedAsync(conn, cancellationToken).ConfigureAwait(false);
            Transaction = implicitTransaction;
        }

        return conn;
    }

    /// <summary>
    /// For one batched read (GET /households/{id}): the open connection and, when no transaction carries the region
    /// yet, the prefix the batch must set in its first statement. PostgreSQL runs a batch sent without a transaction as
    /// one implicit transaction, so <c>set_config(…, true)</c> holds for the batch's reads and ends with it: one round
    /// trip instead of three (set_config, the read, ROLLBACK), and still fail-closed afterwards.
    /// </summary>
    public async Task<(NpgsqlConnection Connection, NpgsqlTransaction? Transaction, string? RegionPrefixToSet)> BatchedReadAsync(CancellationToken cancellationToken)
    {
        var conn = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return Transaction is not null ? (conn, Transaction, null) : (conn, null, RegionPrefix());
    }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (IsActive)
        {
            throw new InvalidOperationException("A unit of work is already active in this scope.");
        }

        await EndImplicitAsync().ConfigureAwait(false);
        var conn = await OpenAsync(cancellationToken).ConfigureAwait(false);
        Transaction = await BeginScopedAsync(conn, cancellationToken).ConfigureAwait(false);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var tx = Transaction ?? throw new InvalidOperationException("No active unit of work.");
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        await tx.DisposeAsync().ConfigureAwait(false);
        Transaction = null;
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        var tx = Transaction;
        if (tx is null)
        {
            return;
        }

        Transaction = null;
        implicitTransaction = null;
        try
        {
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The connection broke mid-transaction: the server has rolled back already.
        }
        finally
        {
            await tx.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
            Transaction = null;
            implicitTransaction = null;
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            connection = null;
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (connection is not null && connection.State == ConnectionState.Open)
        {
            return connection;
        }

        if (connection is not null)
        {
            Transaction = null;
            implicitTransaction = null;
            await connection.DisposeAsync().ConfigureAwait(false);
            connection = null;
        }

        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (errors.Translate(ex) is { } translated)
        {
            throw translated;
        }

        return connection;
    }

    private async Task<NpgsqlTransaction> BeginScopedAsync(NpgsqlConnection conn, CancellationToken cancellationToken)
    {
        // Read committed plus explicit row versions and unique constraints: lost updates are caught by the
        // version check, double inserts by the constraints.
        var tx = await conn.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT set_config('assistance.region_prefix', @prefix, true)", conn, tx);
        command.Parameters.AddWithValue("prefix", RegionPrefix());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return tx;
    }

    /// <summary>The caller's scope as the policies read it; empty (nothing visible) for a caller without a region.</summary>
    private string RegionPrefix()
    {
        try
        {
            return user.Scope.DatabasePrefix;
        }
        catch (ForbiddenException)
        {
            return string.Empty;
        }
    }

    /// <summary>Reads done before a command began (validators) end here: they changed nothing.</summary>
    private async Task EndImplicitAsync()
    {
        if (implicitTransaction is { } tx)
        {
            implicitTransaction = null;
            Transaction = null;
            await tx.RollbackAsync().ConfigureAwait(false);
            await tx.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>
/// The one place PostgreSQL errors are interpreted: which are worth retrying a whole unit of work for (serialization
/// failures, deadlocks, dropped connections) and which mean the database cannot serve now (53300 too many connections,
/// a full pool, connection failures, shutdown) and become <see cref="DatabaseUnavailableException"/> (503). Failures to
/// open a connection are translated at once (not retried: a full pool would only make the caller wait longer).
/// </summary>
public sealed class DatabaseErrors(DatabaseSettings settings) : IUnitOfWorkTransientDetector, IDatabaseErrorTranslator
{
    public bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    public Exception? Translate(Exception exception) =>
        exception is DatabaseUnavailableException ? null
        : IsUnavailable(exception) ? new DatabaseUnavailableException(settings.RetryAfterSeconds, exception)
        : null;

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown
                or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.ConfigurationLimitExceeded
                or PostgresErrorCodes.InvalidAuthorizationSpecification or PostgresErrorCodes.InvalidPassword,
        // A full pool: Npgsql gives up waiting for a free connection with a TimeoutException inside.
        NpgsqlException npgsql => npgsql.InnerException is TimeoutException or System.Net.Sockets.SocketException
            || (npgsql.IsTransient && npgsql is not PostgresException),
        System.Net.Sockets.SocketException or TimeoutException => true,
        _ => exception.InnerException is not null && IsUnavailable(exception.InnerException),
    };
}
