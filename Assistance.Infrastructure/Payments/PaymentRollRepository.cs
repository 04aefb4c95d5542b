namespace Assistance.Infrastructure.Payments;

using System.Runtime.CompilerServices;
using Assistance.Application.Abstractions;
using Assistance.Application.PaymentRolls;
using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Payments;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Npgsql;

public sealed class PaymentRollRepository(DbSession session) : IPaymentRollRepository
{
    /// <summary>A county's roll of a million lines takes seconds, not the default 30 s limit's worth; still bounded.</summary>
    private const int GenerationTimeoutSeconds = 600;

    static PaymentRollRepository() => Workflow.DateOnlyTypeHandler.Register();

    public async Task LockAsync(RegionScope scope, RegionCode region, Programme programme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Require(region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended('payment-roll|' || @region || '|' || @programme, 0))",
            new { region = region.Value, programme = programme.ToString() }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<PaymentRollDto?> FindCurrentAsync(RegionScope scope, RegionCode region, DateOnly month, Programme programme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await LoadAsync(
            "r.region_code = @region AND r.month = @month AND r.programme = @programme AND r.superseded_by IS NULL AND starts_with(r.region_code, @prefix)",
            new { region = region.Value, month, programme = programme.ToString(), prefix = scope.Prefix }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PaymentRollDto?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await LoadAsync("r.id = @id AND starts_with(r.region_code, @prefix)", new { id, prefix = scope.Prefix }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RollMonth>> RollMonthsAsync(
        RegionScope scope, Guid enrolmentId, RegionCode enrolmentRegion, Programme programme, DateOnly fromMonth, DateOnly toMonth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(DateTime Month, bool HasRoll, decimal? Paid)>(new CommandDefinition(
            """
            SELECT m.month::timestamp,
                   EXISTS (SELECT 1 FROM payment_rolls r
                           WHERE r.month = m.month AND r.programme = @programme AND starts_with(@region, r.region_code) AND starts_with(r.region_code, @prefix)),
                   (SELECT sum(l.amount) FROM payment_roll_lines l
                    WHERE l.enrolment_id = @enrolmentId AND l.period = m.month AND l.kind <> 'PriceSubsidy' AND l.live AND l.status = 'Paid'
                      AND starts_with(l.region_code, @prefix))
            FROM generate_series(@from::timestamp, @to::timestamp, interval '1 month') AS g(t)
            CROSS JOIN LATERAL (SELECT g.t::date AS month) m
            ORDER BY m.month
            """,
            new { enrolmentId, region = enrolmentRegion.Value, programme = programme.ToString(), prefix = scope.Prefix, from = fromMonth, to = toMonth },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new RollMonth(DateOnly.FromDateTime(r.Month), r.HasRoll, r.Paid)).ToList();
    }

    public async Task<long> EstimateLinesAsync(RegionScope scope, RegionCode region, DateOnly month, Programme programme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Require(region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM enrolments e WHERE {PaymentRollSql.InForce}",
            new { programme = programme.ToString(), prefix = region.SubtreePrefix, month }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<PaymentRollDto> GenerateAsync(RegionScope scope, RollGeneration generation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(generation);
        scope.Require(generation.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var subsidy = generation.Subsidy;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO payment_rolls (id, region_code, month, programme, version, supersedes, price_index_id, subsidy_trace, generated_by, generated_at, reason)
            VALUES (@RollId, @region, @Month, @programme, @Version, @Supersedes, @priceIndexId, @trace::jsonb, @GeneratedBy, @At, @Reason)
            """,
            new
            {
                generation.RollId,
                region = generation.Region.Value,
                generation.Month,
                programme = generation.Programme.ToString(),
                generation.Version,
                generation.Supersedes,
                priceIndexId = subsidy?.PriceIndexId,
                trace = subsidy?.TraceJson,
                generation.GeneratedBy,
                generation.At,
                generation.Reason,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        // Hash joins for the one generation statement: right after a month's first lines, the statistics of
        // payment_roll_lines can describe an empty table, and a nested-loop anti join for "never paid twice" then scans
        // the table being inserted into once per line (quadratic: 612 s instead of 6 s for 180,000 lines, docs/benchmarks.md).
        await connection.ExecuteAsync(new CommandDefinition(
            "SET LOCAL enable_nestloop = off", transaction: session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            PaymentRollSql.Generate(generation.Programme == Programme.Tekun, subsidy is not null, generation.DeductOverpayments),
            new
            {
                rollId = generation.RollId,
                region = generation.Region.Value,
                prefix = generation.Region.SubtreePrefix,
                month = generation.Month,
                programme = generation.Programme.ToString(),
                indexMonth = subsidy?.IndexMonth,
                urbanPerPerson = subsidy?.UrbanPerPerson,
                ruralPerPerson = subsidy?.RuralPerPerson,
                priceIndexId = subsidy?.PriceIndexId,
            },
            session.Transaction, GenerationTimeoutSeconds, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "SET LOCAL enable_nestloop = on", transaction: session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return await GetAsync(scope, generation.RollId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The roll just written is not visible.");
    }

    public async Task SupersedeAsync(RegionScope scope, Guid oldId, Guid newId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE payment_rolls SET superseded_by = @newId, superseded_at = @at WHERE id = @oldId AND superseded_by IS NULL AND starts_with(region_code, @prefix)",
            new { oldId, newId, at, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new BusinessRuleViolationException("payment-roll.superseded", "This version of the roll was superseded meanwhile.", "R-40");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE payment_roll_lines SET live = false WHERE roll_id = @oldId AND status = 'Pending' AND starts_with(region_code, @prefix)",
            new { oldId, prefix = scope.Prefix }, session.Transaction, GenerationTimeoutSeconds, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PaymentRollLineDto>> ListLinesAsync(
        RegionScope scope, Guid rollId, PaymentLineStatus? status, PaymentLineKind? kind, Guid? afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<LineRow>(new CommandDefinition(
            $"""
            SELECT {PaymentRollSql.LineColumns} FROM payment_roll_lines l
            WHERE l.roll_id = @rollId AND starts_with(l.region_code, @prefix)
              AND (@status::text IS NULL OR l.status = @status) AND (@kind::text IS NULL OR l.kind = @kind)
              AND (@afterId::uuid IS NULL OR l.id > @afterId)
            ORDER BY l.id
            LIMIT @limit
            """,
            new { rollId, prefix = scope.Prefix, status = status?.ToString(), kind = kind?.ToString(), afterId, limit },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToDto()).ToList();
    }

    public async Task<LineBasisData?> LineBasisAsync(RegionScope scope, Guid rollId, Guid lineId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var line = await connection.QuerySingleOrDefaultAsync<LineRow>(new CommandDefinition(
            $"SELECT {PaymentRollSql.LineColumns} FROM payment_roll_lines l WHERE l.id = @lineId AND l.roll_id = @rollId AND starts_with(l.region_code, @prefix)",
            new { rollId, lineId, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (line is null)
        {
            return null;
        }

        var facts = await connection.QuerySingleAsync<(string? Basis, decimal MonthlyAmount, string? Trace, DateTimeOffset GeneratedAt)>(new CommandDefinition(
            """
            SELECT e.basis::text, e.monthly_amount, r.subsidy_trace::text, r.generated_at
            FROM payment_roll_lines l JOIN enrolments e ON e.id = l.enrolment_id JOIN payment_rolls r ON r.id = l.roll_id
            WHERE l.id = @lineId
            """,
            new { lineId }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        // The decision that set the amount: the latest recorded amount change of the enrolment before the roll.
        var change = await connection.QuerySingleOrDefaultAsync<(Guid Id, DateTimeOffset OccurredAt, string Actor, string? Reason, string? After)>(new CommandDefinition(
            """
            SELECT id, occurred_at, actor, reason, after::text FROM audit_events
            WHERE entity_type = 'Enrolment' AND entity_id = @enrolmentId AND action = 'AmountChanged' AND occurred_at <= @generatedAt
            ORDER BY occurred_at DESC, id DESC LIMIT 1
            """,
            new { enrolmentId = line.EnrolmentId.ToString(), generatedAt = facts.GeneratedAt }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var decision = change.Id == Guid.Empty
            ? null
            : new AmountDecisionDto(change.Id, change.OccurredAt, change.Actor, change.Reason,
                change.After is null ? null : System.Text.Json.JsonDocument.Parse(change.After).RootElement.Clone());
        var subsidyTrace = line.Kind == nameof(PaymentLineKind.PriceSubsidy) ? facts.Trace ?? await SubsidyTraceOfAsync(connection, line, cancellationToken).ConfigureAwait(false) : null;
        return new LineBasisData(line.ToDto(), facts.Basis, subsidyTrace, decision, facts.MonthlyAmount);
    }

    public async IAsyncEnumerable<PaymentExportRow> ExportAsync(RegionScope scope, Guid rollId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            SELECT l.id, l.kind, to_char(l.period, 'YYYY-MM'), l.enrolment_id, l.household_id, p.name, p.id_number, l.amount, l.reissue_of, l.status, coalesce(l.deduction, 0)
            FROM payment_roll_lines l
            LEFT JOIN LATERAL (
                SELECT m.name, m.id_number FROM household_members m
                WHERE m.household_id = l.household_id AND (l.person_member_id IS NULL OR m.id = l.person_member_id)
                ORDER BY (m.relationship = 'Head') DESC, m.position
                LIMIT 1) p ON true
            WHERE l.roll_id = @rollId AND starts_with(l.region_code, @prefix)
            ORDER BY l.id
            """,
            connection,
            session.Transaction);
        command.Parameters.AddWithValue("rollId", rollId);
        command.Parameters.AddWithValue("prefix", scope.Prefix);
        command.CommandTimeout = GenerationTimeoutSeconds;

        // A server-side reader: rows arrive one by one from the socket as the response is written.
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new PaymentExportRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3), reader.GetGuid(4),
                await reader.IsDBNullAsync(5, cancellationToken).ConfigureAwait(false) ? null : reader.GetString(5),
                await reader.IsDBNullAsync(6, cancellationToken).ConfigureAwait(false) ? null : reader.GetString(6),
                reader.GetDecimal(7),
                await reader.IsDBNullAsync(8, cancellationToken).ConfigureAwait(false) ? null : reader.GetGuid(8),
                reader.GetString(9),
                reader.GetDecimal(10));
        }
    }

    public async Task<IReadOnlyList<LineState>> LockLinesAsync(RegionScope scope, Guid rollId, IReadOnlyList<Guid> lineIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(Guid Id, string Status, bool Live)>(new CommandDefinition(
            """
            SELECT id, status, live FROM payment_roll_lines
            WHERE roll_id = @rollId AND id = ANY(@ids) AND starts_with(region_code, @prefix)
            ORDER BY id
            FOR UPDATE
            """,
            new { rollId, ids = lineIds.ToArray(), prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new LineState(r.Id, Enum.Parse<PaymentLineStatus>(r.Status), r.Live)).ToList();
    }

    public async Task MarkAsync(RegionScope scope, IReadOnlyList<LineReturn> returns, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.Count == 0)
        {
            return;
        }

        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE payment_roll_lines l
            SET status = u.status, bank_reference = u.reference, status_reason = u.reason, status_at = @at
            FROM unnest(@ids::uuid[], @statuses::text[], @references::text[], @reasons::text[]) AS u(id, status, reference, reason)
            WHERE l.id = u.id AND l.status = 'Pending' AND starts_with(l.region_code, @prefix)
            """,
            new
            {
                ids = returns.Select(r => r.LineId).ToArray(),
                statuses = returns.Select(r => r.Status.ToString()).ToArray(),
                references = returns.Select(r => r.Reference).ToArray(),
                reasons = returns.Select(r => r.Reason).ToArray(),
                at,
                prefix = scope.Prefix,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<PaymentRollOperationDto?> FindOpenOperationAsync(RegionScope scope, RegionCode region, DateOnly month, Programme programme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await OperationAsync(
            "region_code = @region AND month = @month AND programme = @programme AND status IN ('Queued', 'Running') AND starts_with(region_code, @prefix)",
            new { region = region.Value, month, programme = programme.ToString(), prefix = scope.Prefix }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PaymentRollOperationDto> AddOperationAsync(
        RegionScope scope, Guid id, RegionCode region, DateOnly month, Programme programme, string requestedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Require(region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO payment_roll_operations (id, region_code, month, programme, status, requested_by, scope_region, created_at)
            VALUES (@id, @region, @month, @programme, 'Queued', @requestedBy, @scopeRegion, @at)
            """,
            new { id, region = region.Value, month, programme = programme.ToString(), requestedBy, scopeRegion = scope.Root.Value, at },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (await GetOperationAsync(scope, id, cancellationToken).ConfigureAwait(false))!;
    }

    public Task<PaymentRollOperationDto?> GetOperationAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return OperationAsync("id = @id AND starts_with(region_code, @prefix)", new { id, prefix = scope.Prefix }, cancellationToken);
    }

    public async Task<PaymentRollOperationDto?> ClaimOperationAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        // Claim, run and finish share one transaction, so a committed Running row has no live runner (its process
        // stopped before recording a failure) and may be claimed again; a row some transaction is running holds its
        // lock and is skipped, so two replicas never run one operation twice.
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE payment_roll_operations SET status = 'Running'
            WHERE id = (SELECT id FROM payment_roll_operations
                        WHERE id = @id AND status IN ('Queued', 'Running') AND starts_with(region_code, @prefix)
                        FOR UPDATE SKIP LOCKED)
            """,
            new { id, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return claimed == 1 ? await GetOperationAsync(scope, id, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task FinishOperationAsync(RegionScope scope, Guid id, Guid? rollId, string? failure, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE payment_roll_operations
            SET status = CASE WHEN @rollId::uuid IS NULL THEN 'Failed' ELSE 'Succeeded' END, roll_id = @rollId, error = @error, finished_at = @at
            WHERE id = @id AND status IN ('Queued', 'Running') AND starts_with(region_code, @prefix)
            """,
            new { id, rollId, error = failure, at, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<string?> SubsidyTraceOfAsync(NpgsqlConnection connection, LineRow line, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT r.subsidy_trace::text FROM payment_roll_lines o JOIN payment_rolls r ON r.id = o.roll_id WHERE o.price_index_id = @id AND r.subsidy_trace IS NOT NULL LIMIT 1",
            new { id = line.PriceIndexId }, cancellationToken: cancellationToken)).ConfigureAwait(false);

    private async Task<PaymentRollOperationDto?> OperationAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<OperationRow>(new CommandDefinition(
            $"""
            SELECT id AS Id, status AS Status, region_code AS RegionCode, month AS Month, programme AS Programme, roll_id AS RollId, error AS Error,
                   created_at AS CreatedAt, finished_at AS FinishedAt
            FROM payment_roll_operations WHERE {where}
            """,
            parameters, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null
            ? null
            : new PaymentRollOperationDto(row.Id, row.Status, row.RegionCode, Months.Format(row.Month), Enum.Parse<Programme>(row.Programme), row.RollId, row.Error,
                row.CreatedAt, row.FinishedAt);
    }

    private async Task<PaymentRollDto?> LoadAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var roll = await connection.QuerySingleOrDefaultAsync<RollRow>(new CommandDefinition(
            $"SELECT {PaymentRollSql.RollColumns} FROM payment_rolls r WHERE {where}", parameters, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (roll is null)
        {
            return null;
        }

        var totals = (await connection.QueryAsync<(string Kind, int LineCount, decimal Amount, decimal Deduction)>(new CommandDefinition(
            "SELECT kind, line_count, amount, deduction FROM payment_roll_totals WHERE roll_id = @id ORDER BY kind = 'All', kind",
            new { id = roll.Id }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var all = totals.FirstOrDefault(t => t.Kind == "All");
        return new PaymentRollDto(
            roll.Id, roll.RegionCode, Months.Format(roll.Month), Enum.Parse<Programme>(roll.Programme), roll.Version,
            roll.SupersededBy is null ? "Current" : "Superseded", roll.Supersedes, roll.SupersededBy, roll.SupersededAt, roll.PriceIndexId, roll.GeneratedBy,
            roll.GeneratedAt, roll.Reason, all.LineCount, all.Amount + 0.00m,
            totals.Where(t => t.Kind != "All").Select(t => new PaymentRollTotalDto(t.Kind, t.LineCount, t.Amount + 0.00m, t.Deduction + 0.00m, t.Amount - t.Deduction + 0.00m)).ToList(),
            all.Deduction + 0.00m, all.Amount - all.Deduction + 0.00m);
    }

    private sealed class RollRow
    {
        public Guid Id { get; init; }

        public string RegionCode { get; init; } = string.Empty;

        public DateOnly Month { get; init; }

        public string Programme { get; init; } = string.Empty;

        public int Version { get; init; }

        public Guid? Supersedes { get; init; }

        public Guid? SupersededBy { get; init; }

        public DateTimeOffset? SupersededAt { get; init; }

        public Guid? PriceIndexId { get; init; }

        public string GeneratedBy { get; init; } = string.Empty;

        public DateTimeOffset GeneratedAt { get; init; }

        public string? Reason { get; init; }
    }

    private sealed class OperationRow
    {
        public Guid Id { get; init; }

        public string Status { get; init; } = string.Empty;

        public string RegionCode { get; init; } = string.Empty;

        public DateOnly Month { get; init; }

        public string Programme { get; init; } = string.Empty;

        public Guid? RollId { get; init; }

        public string? Error { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? FinishedAt { get; init; }
    }

    private sealed class LineRow
    {
        public Guid Id { get; init; }

        public Guid RollId { get; init; }

        public string RegionCode { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;

        public Guid EnrolmentId { get; init; }

        public Guid HouseholdId { get; init; }

        public Guid? PersonMemberId { get; init; }

        public Guid ApplicationId { get; init; }

        public DateOnly Period { get; init; }

        public decimal Amount { get; init; }

        public int? Persons { get; init; }

        public Guid? PriceIndexId { get; init; }

        public Guid? ReissueOf { get; init; }

        public decimal? Deduction { get; init; }

        public string Status { get; init; } = string.Empty;

        public string? StatusReason { get; init; }

        public string? BankReference { get; init; }

        public DateTimeOffset? StatusAt { get; init; }

        public bool Live { get; init; }

        public PaymentRollLineDto ToDto() => new(
            Id, RollId, RegionCode, Enum.Parse<PaymentLineKind>(Kind), EnrolmentId, HouseholdId, PersonMemberId, ApplicationId, Months.Format(Period), Amount + 0.00m,
            Persons, PriceIndexId, ReissueOf, Deduction, Enum.Parse<PaymentLineStatus>(Status), StatusReason, BankReference, StatusAt, Live);
    }
}
