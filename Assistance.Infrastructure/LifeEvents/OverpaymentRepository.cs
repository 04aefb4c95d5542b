namespace Assistance.Infrastructure.LifeEvents;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Events;
using Assistance.Application.Overpayments;
using Assistance.Domain.Common;
using Assistance.Domain.Overpayments;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Npgsql;

public sealed class OverpaymentRepository(DbSession session, TimeProvider clock, DomainEventCollector events) : IOverpaymentRepository
{
    private const string Columns = """
        id AS Id, region_code AS RegionCode, enrolment_id AS EnrolmentId, household_id AS HouseholdId, member_id AS MemberId, id_number AS IdNumber,
        life_event_id AS LifeEventId, status AS Status, reason AS Reason, raised_on AS RaisedOn, resolved_on AS ResolvedOn, resolution_note AS ResolutionNote,
        version AS Version
        """;

    public async Task AddAsync(RegionScope scope, Overpayment overpayment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(overpayment);
        scope.Require(overpayment.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO overpayments (id, region_code, enrolment_id, household_id, member_id, id_number, life_event_id, amount, status, reason, raised_on,
                                          version, created_at, updated_at)
                VALUES (@Id, @region, @EnrolmentId, @HouseholdId, @MemberId, @IdNumber, @LifeEventId, @Amount, 'Open', @Reason, @RaisedOn, 1, @now, @now);
                INSERT INTO overpayment_months (overpayment_id, region_code, enrolment_id, month, paid, due, amount)
                SELECT @Id, @region, @EnrolmentId, m, p, d, p - d FROM unnest(@months::date[], @paid::numeric[], @due::numeric[]) AS t(m, p, d);
                """,
                new
                {
                    overpayment.Id,
                    region = overpayment.Region.Value,
                    overpayment.EnrolmentId,
                    overpayment.HouseholdId,
                    overpayment.MemberId,
                    overpayment.IdNumber,
                    overpayment.LifeEventId,
                    overpayment.Amount,
                    overpayment.Reason,
                    overpayment.RaisedOn,
                    now,
                    months = overpayment.Months.Select(m => m.Month).ToArray(),
                    paid = overpayment.Months.Select(m => m.Paid).ToArray(),
                    due = overpayment.Months.Select(m => m.Due).ToArray(),
                },
                session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new BusinessRuleViolationException("overpayment.exists", "This event already raised an overpayment for this enrolment.", "R-33");
        }

        overpayment.SetVersion(1);
        events.Collect(overpayment);
    }

    public async Task<IReadOnlyDictionary<DateOnly, decimal>> ClaimedMonthsAsync(RegionScope scope, Guid enrolmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(DateOnly Month, decimal Amount)>(new CommandDefinition(
            "SELECT month, sum(amount) FROM overpayment_months WHERE enrolment_id = @enrolmentId AND starts_with(region_code, @prefix) GROUP BY month",
            new { enrolmentId, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Month, r => r.Amount);
    }

    public async Task<Overpayment?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        var list = await QueryAsync(scope, "id = @id", new { id, prefix = scope?.Prefix }, cancellationToken).ConfigureAwait(false);
        return list.SingleOrDefault();
    }

    public async Task SaveAsync(RegionScope scope, Overpayment overpayment, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(overpayment);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE overpayments SET status = @status, resolved_on = @resolvedOn, resolution_note = @note, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @expectedVersion AND starts_with(region_code, @prefix)
            RETURNING version
            """,
            new
            {
                id = overpayment.Id,
                status = overpayment.Status.ToString(),
                resolvedOn = overpayment.ResolvedOn,
                note = overpayment.ResolutionNote,
                expectedVersion,
                now = clock.GetUtcNow(),
                prefix = scope.Prefix,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new VersionMismatchException("Overpayment", expectedVersion, 0);
        overpayment.SetVersion(version);
        events.Collect(overpayment);
    }

    public Task<IReadOnlyList<Overpayment>> ListAsync(
        RegionScope scope, OverpaymentStatus? status, Guid? enrolmentId, Guid? afterId, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            scope,
            "(@status::text IS NULL OR status = @status) AND (@enrolmentId::uuid IS NULL OR enrolment_id = @enrolmentId) AND (@afterId::uuid IS NULL OR id > @afterId) ORDER BY id LIMIT @limit",
            new { prefix = scope?.Prefix, status = status?.ToString(), enrolmentId, afterId, limit },
            cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, decimal>> DeductedOnRollsAsync(RegionScope scope, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, decimal>();
        }

        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(Guid OverpaymentId, decimal Deducted)>(new CommandDefinition(
            """
            SELECT d.overpayment_id, sum(d.amount)
            FROM overpayment_deductions d
            JOIN payment_roll_lines l ON l.id = d.line_id
            WHERE d.overpayment_id = ANY(@ids) AND starts_with(d.region_code, @prefix) AND l.live AND l.status <> 'Failed'
            GROUP BY d.overpayment_id
            """,
            new { ids = ids.ToArray(), prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.OverpaymentId, r => r.Deducted);
    }

    private async Task<IReadOnlyList<Overpayment>> QueryAsync(RegionScope scope, string where, object parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<OverpaymentState>(new CommandDefinition(
            $"SELECT {Columns} FROM overpayments WHERE starts_with(region_code, @prefix) AND {where}", parameters, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false)).AsList();
        var ids = rows.Select(r => r.Id).ToArray();
        var months = (await connection.QueryAsync<(Guid OverpaymentId, DateOnly Month, decimal Paid, decimal Due)>(new CommandDefinition(
            "SELECT overpayment_id, month, paid, due FROM overpayment_months WHERE overpayment_id = ANY(@ids) ORDER BY overpayment_id, month",
            new { ids }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToLookup(m => m.OverpaymentId, m => new OverpaidMonth(m.Month, m.Paid, m.Due));
        return rows.Select(r => Overpayment.Restore(r with { Months = months[r.Id].ToList() })).ToList();
    }
}
