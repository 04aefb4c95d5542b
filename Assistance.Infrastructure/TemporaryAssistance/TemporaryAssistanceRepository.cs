namespace Assistance.Infrastructure.TemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Events;
using Assistance.Application.TemporaryAssistance;
using Assistance.Domain.Households;
using Assistance.Domain.TemporaryAssistance;
using Assistance.Infrastructure.Persistence;
using Assistance.Infrastructure.Workflow;
using Dapper;
using Npgsql;

/// <summary>Temporary-assistance cases (R-42 … R-44), one row each, filtered by the caller's region scope.</summary>
public sealed class TemporaryAssistanceRepository(DbSession session, TimeProvider clock, DomainEventCollector events) : ITemporaryAssistanceRepository
{
    private const string Columns = """
        id AS Id, region_code AS RegionCode, type AS Type, person_name AS PersonName, id_number AS IdNumber, occurred_on AS OccurredOn,
        description AS Description, amount_requested AS AmountRequested, unemployed_migrant_grant AS UnemployedMigrantGrant, residence AS Residence,
        residence_basis AS ResidenceBasis, monthly_standard AS MonthlyStandard, months AS Months, tier AS Tier, status AS Status,
        submitted_on AS SubmittedOn, submitted_by AS SubmittedBy, decided_on AS DecidedOn, decided_by AS DecidedBy, meeting_reference AS MeetingReference,
        refusal_reasons AS RefusalReasons, paid_on AS PaidOn, paid_by AS PaidBy, first_aid AS FirstAid, paperwork_due_on AS PaperworkDueOn,
        paperwork_recorded_on AS PaperworkRecordedOn, paperwork_explanation AS PaperworkExplanation, version AS Version, evaluation::text AS Evaluation
        """;

    public async Task<StoredTemporaryAssistanceCase?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var found = await ReadAsync(connection, new CommandDefinition(
            $"SELECT {Columns} FROM temporary_assistance_cases WHERE id = @id AND starts_with(region_code, @prefix)",
            new { id, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task AddAsync(RegionScope scope, TemporaryAssistanceCase assistanceCase, IReadOnlyList<EvaluationParameterDto> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(assistanceCase);
        scope.Require(assistanceCase.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var s = assistanceCase.ToState();
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO temporary_assistance_cases (
                id, region_code, type, person_name, id_number, occurred_on, description, amount_requested, unemployed_migrant_grant, residence,
                residence_basis, monthly_standard, months, tier, status, submitted_on, submitted_by, first_aid, evaluation, version, created_at, updated_at)
            VALUES (@Id, @RegionCode, @Type, @PersonName, @IdNumber, @OccurredOn, @Description, @AmountRequested, @UnemployedMigrantGrant, @Residence,
                    @ResidenceBasis, @MonthlyStandard, @Months, @Tier, @Status, @SubmittedOn, @SubmittedBy, false, @evaluation::jsonb, 1, @now, @now)
            """,
            new
            {
                s.Id,
                s.RegionCode,
                Type = s.Type.ToString(),
                s.PersonName,
                s.IdNumber,
                s.OccurredOn,
                s.Description,
                s.AmountRequested,
                s.UnemployedMigrantGrant,
                Residence = s.Residence.ToString(),
                ResidenceBasis = s.ResidenceBasis.ToString(),
                s.MonthlyStandard,
                s.Months,
                Tier = s.Tier.ToString(),
                Status = s.Status.ToString(),
                s.SubmittedOn,
                s.SubmittedBy,
                evaluation = WorkflowJson.Serialize(parameters),
                now,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        assistanceCase.SetVersion(1);
        events.Collect(assistanceCase);
    }

    public async Task SaveAsync(RegionScope scope, TemporaryAssistanceCase assistanceCase, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(assistanceCase);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var s = assistanceCase.ToState();
        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE temporary_assistance_cases
            SET status = @Status, decided_on = @DecidedOn, decided_by = @DecidedBy, meeting_reference = @MeetingReference, refusal_reasons = @RefusalReasons,
                paid_on = @PaidOn, paid_by = @PaidBy, first_aid = @FirstAid, paperwork_due_on = @PaperworkDueOn, paperwork_recorded_on = @PaperworkRecordedOn,
                paperwork_explanation = @PaperworkExplanation, version = version + 1, updated_at = @now
            WHERE id = @Id AND version = @expectedVersion AND starts_with(region_code, @prefix)
            RETURNING version
            """,
            new
            {
                s.Id,
                Status = s.Status.ToString(),
                s.DecidedOn,
                s.DecidedBy,
                s.MeetingReference,
                s.RefusalReasons,
                s.PaidOn,
                s.PaidBy,
                s.FirstAid,
                s.PaperworkDueOn,
                s.PaperworkRecordedOn,
                s.PaperworkExplanation,
                expectedVersion,
                prefix = scope.Prefix,
                now = clock.GetUtcNow(),
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (version is null)
        {
            var actual = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT version FROM temporary_assistance_cases WHERE id = @id", new { id = s.Id }, session.Transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            throw new VersionMismatchException("TemporaryAssistanceCase", expectedVersion, actual ?? 0);
        }

        assistanceCase.SetVersion(version.Value);
        events.Collect(assistanceCase);
    }

    public async Task<IReadOnlyList<StoredTemporaryAssistanceCase>> ListAsync(
        RegionScope scope, TemporaryAssistanceFilter filter, DateOnly today, Guid? afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, new CommandDefinition(
            $"""
            SELECT {Columns} FROM temporary_assistance_cases
            WHERE starts_with(region_code, @prefix)
              AND (@status::text IS NULL OR status = @status)
              AND (@type::text IS NULL OR type = @type)
              AND (@tier::text IS NULL OR tier = @tier)
              AND (NOT @overdue OR (first_aid AND paperwork_recorded_on IS NULL AND paperwork_due_on < @today))
              AND (@afterId::uuid IS NULL OR id > @afterId)
            ORDER BY id
            LIMIT @limit
            """,
            new
            {
                prefix = scope.Prefix,
                status = filter.Status?.ToString(),
                type = filter.Type?.ToString(),
                tier = filter.Tier?.ToString(),
                overdue = filter.PaperworkOverdue,
                today,
                afterId,
                limit,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads rows straight into the aggregate's own <see cref="TemporaryAssistanceState"/> (one mapping, no copied field
    /// list; Dapper parses the text enums), with the stored evaluation split off as the last column.
    /// </summary>
    private static async Task<List<StoredTemporaryAssistanceCase>> ReadAsync(NpgsqlConnection connection, CommandDefinition command) =>
        (await connection.QueryAsync<TemporaryAssistanceState, string, StoredTemporaryAssistanceCase>(
            command,
            (state, evaluation) => new(TemporaryAssistanceCase.Restore(state), WorkflowJson.Deserialize<List<EvaluationParameterDto>>(evaluation)),
            splitOn: "Evaluation").ConfigureAwait(false)).AsList();
}
