namespace Assistance.Infrastructure.Payments;

using Assistance.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>A roll generation (R-40, 202 Accepted) left Queued or Running by a process that stopped, with who asked.</summary>
public sealed record UnfinishedRollOperation(Guid Id, string RequestedBy, string ScopeRegion);

/// <summary>
/// Finds the roll generations a stopped process left unfinished, once the database is migrated (as
/// <see cref="Scheduling.SchedulerStarter"/> waits). Listing claims nothing: each is claimed when run
/// (<c>ClaimOperationAsync</c>, a row lock taken with SKIP LOCKED), so every replica may list the same operation and
/// only one runs it. Runs as the owner with the national prefix: recovery is system work over every region.
/// </summary>
public sealed class PaymentRollOperationRecovery(
    [FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource dataSource, Migrator migrator, TimeProvider clock)
{
    public async Task WaitForMigrationsAsync(CancellationToken cancellationToken)
    {
        while (!await IsMigratedAsync(cancellationToken).ConfigureAwait(false))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<UnfinishedRollOperation>> UnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("SELECT set_config('assistance.region_prefix', '*', true)", transaction: tx, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var rows = await connection.QueryAsync<UnfinishedRollOperation>(new CommandDefinition(
            """
            SELECT id AS Id, requested_by AS RequestedBy, scope_region AS ScopeRegion
            FROM payment_roll_operations
            WHERE status IN ('Queued', 'Running')
            ORDER BY created_at, id
            """,
            transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows.AsList();
    }

    private async Task<bool> IsMigratedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await migrator.IsUpToDateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
