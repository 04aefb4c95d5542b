namespace Assistance.Infrastructure.Persistence;

using System.Data;
using Assistance.Application.Abstractions;
using Npgsql;

/// <summary>
/// The scoped connection and transaction of one request. Commands get a transaction from the unit-of-work
/// behaviour; queries run on the same connection without one.
/// </summary>
public sealed class DbSession(NpgsqlDataSource dataSource) : IUnitOfWork, IAsyncDisposable
{
    private NpgsqlConnection? connection;

    public NpgsqlTransaction? Transaction { get; private set; }

    public bool IsActive => Transaction is not null;

    public async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (connection.State != ConnectionState.Open)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        return connection;
    }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A unit of work is already active in this scope.");
        }

        var conn = await ConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Read committed plus explicit row versions and unique constraints: lost updates are caught by the
        // version check, double inserts by the constraints.
        Transaction = await conn.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
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
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            connection = null;
        }
    }
}

/// <summary>Serialization failures, deadlocks and dropped connections are retried as a whole unit.</summary>
public sealed class NpgsqlTransientDetector : IUnitOfWorkTransientDetector
{
    public bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };
}
