namespace Assistance.Infrastructure.TemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Application.Events;
using Assistance.Application.ReserveFunds;
using Assistance.Domain.Common;
using Assistance.Domain.Regions;
using Assistance.Domain.TemporaryAssistance;
using Assistance.Infrastructure.Persistence;
using Dapper;

/// <summary>
/// Township reserve funds (备用金, R-45). The balance lives in one row per township: it is read with <c>FOR UPDATE</c>
/// so movements on one fund are checked one after the other, changed by a guarded <c>UPDATE</c> that cannot take it
/// below zero, and held by CHECK constraints (never negative, always equal to the ledger's totals).
/// </summary>
public sealed class ReserveFundRepository(DbSession session, TimeProvider clock, DomainEventCollector events) : IReserveFundRepository
{
    public async Task<ReserveFund?> LockAsync(RegionScope scope, RegionCode township, CancellationToken cancellationToken, bool create = false)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Includes(township))
        {
            return null;
        }

        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (create)
        {
            var now = clock.GetUtcNow();
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO reserve_funds (region_code, balance, topped_up_total, disbursed_total, version, created_at, updated_at)
                VALUES (@township, 0, 0, 0, 0, @now, @now)
                ON CONFLICT (region_code) DO NOTHING
                """,
                new { township = township.Value, now }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var row = await connection.QuerySingleOrDefaultAsync<(decimal Balance, long Version)?>(new CommandDefinition(
            "SELECT balance, version FROM reserve_funds WHERE region_code = @township AND starts_with(region_code, @prefix) FOR UPDATE",
            new { township = township.Value, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? ReserveFund.Restore(township, Money.FromYuan(r.Balance, "balance"), r.Version) : null;
    }

    public async Task SaveAsync(RegionScope scope, ReserveFund fund, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(fund);
        if (fund.Movements.Count == 0)
        {
            return;
        }

        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var moneyIn = fund.Movements.Where(m => m.Kind == ReserveFund.TopUpKind).Sum(m => m.Amount.Yuan);
        var moneyOut = fund.Movements.Where(m => m.Kind == ReserveFund.DisbursementKind).Sum(m => m.Amount.Yuan);
        var now = clock.GetUtcNow();

        // The guard repeats the rule in the database: even a caller that skipped the lock cannot overdraw the fund.
        var balance = await connection.ExecuteScalarAsync<decimal?>(new CommandDefinition(
            """
            UPDATE reserve_funds
            SET balance = balance + @moneyIn - @moneyOut, topped_up_total = topped_up_total + @moneyIn,
                disbursed_total = disbursed_total + @moneyOut, version = version + 1, updated_at = @now
            WHERE region_code = @township AND starts_with(region_code, @prefix) AND balance + @moneyIn - @moneyOut >= 0
            RETURNING balance
            """,
            new { township = fund.Township.Value, prefix = scope.Prefix, moneyIn, moneyOut, now }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (balance is null)
        {
            var held = await connection.ExecuteScalarAsync<decimal?>(new CommandDefinition(
                "SELECT balance FROM reserve_funds WHERE region_code = @township", new { township = fund.Township.Value }, session.Transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            BusinessRules.Check(new ReserveFundCoversTheDisbursement(Money.FromYuan(held ?? 0m, "balance"), Money.FromYuan(moneyOut - moneyIn, "amount")));
            throw new InvalidOperationException("The reserve fund's balance could not be updated.");
        }

        foreach (var m in fund.Movements)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO reserve_fund_entries (id, region_code, kind, amount, balance_after, case_id, occurred_on, actor, reason, recorded_at)
                VALUES (@EntryId, @township, @Kind, @amount, @balanceAfter, @CaseId, @OnDate, @Actor, @Reason, @now)
                """,
                new
                {
                    m.EntryId,
                    township = fund.Township.Value,
                    m.Kind,
                    amount = m.Amount.Yuan,
                    balanceAfter = m.BalanceAfter.Yuan,
                    m.CaseId,
                    m.OnDate,
                    m.Actor,
                    m.Reason,
                    now,
                },
                session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        fund.SetVersion(fund.Version + 1);
        events.Collect(fund);
    }

    public async Task<ReserveFundDto?> GetAsync(RegionScope scope, RegionCode township, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<ReserveFundDto>(new CommandDefinition(
            """
            SELECT region_code AS TownshipCode, balance AS Balance, topped_up_total AS ToppedUpTotal, disbursed_total AS DisbursedTotal, version AS Version
            FROM reserve_funds WHERE region_code = @township AND starts_with(region_code, @prefix)
            """,
            new { township = township.Value, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReserveFundEntryDto>> ListEntriesAsync(
        RegionScope scope, RegionCode township, long? afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            """
            SELECT id AS Id, sequence AS Sequence, region_code AS TownshipCode, kind AS Kind, amount AS Amount, balance_after AS BalanceAfter,
                   case_id AS CaseId, occurred_on AS OccurredOn, actor AS Actor, reason AS Reason
            FROM reserve_fund_entries
            WHERE region_code = @township AND starts_with(region_code, @prefix) AND (@after::bigint IS NULL OR sequence > @after)
            ORDER BY sequence
            LIMIT @limit
            """,
            new { township = township.Value, prefix = scope.Prefix, after = afterSequence, limit }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return rows.Select(r => new ReserveFundEntryDto(r.Id, r.Sequence, r.TownshipCode, r.Kind, r.Amount, r.BalanceAfter, r.CaseId, r.OccurredOn, r.Actor, r.Reason))
            .ToList();
    }

    private sealed class EntryRow
    {
        public Guid Id { get; init; }

        public long Sequence { get; init; }

        public string TownshipCode { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;

        public decimal Amount { get; init; }

        public decimal BalanceAfter { get; init; }

        public Guid? CaseId { get; init; }

        public DateOnly OccurredOn { get; init; }

        public string Actor { get; init; } = string.Empty;

        public string? Reason { get; init; }
    }
}
