namespace Assistance.Infrastructure.Workflow;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Enrolments;
using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Npgsql;

public sealed class EnrolmentRepository(DbSession session, TimeProvider clock, Assistance.Application.Events.DomainEventCollector events) : IEnrolmentRepository
{
    private const string Columns = """
        id AS Id, region_code AS RegionCode, application_id AS ApplicationId, programme AS Programme, household_id AS HouseholdId,
        person_member_id AS PersonMemberId, monthly_amount AS MonthlyAmount, dibao_class AS DibaoClass, review_interval_months AS ReviewIntervalMonths,
        next_review_on AS NextReviewOn, start_month AS StartMonth, status AS Status, care_setting AS CareSetting, approved_on AS ApprovedOn,
        ended_on AS EndedOn, gradual_exit_ends_on AS GradualExitEndsOn, termination_pending_since AS TerminationPendingSince, version AS Version
        """;

    public async Task<IReadOnlyList<ExistingEnrolment>> ActiveForIdNumbersAsync(IReadOnlyList<string> idNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idNumbers);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var ids = idNumbers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        // Locks in a fixed order (no deadlock between two enrolments of overlapping persons), released at commit.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended('enrolment-person|' || i, 0)) FROM unnest(@ids::text[]) WITH ORDINALITY AS t(i, n) ORDER BY n",
            new { ids }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(Guid EnrolmentId, string Programme, Guid HouseholdId, string IdNumber)>(new CommandDefinition(
            "SELECT enrolment_id, programme, household_id, id_number FROM active_enrolments_of(@ids)",
            new { ids }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new ExistingEnrolment(r.EnrolmentId, Enum.Parse<Programme>(r.Programme), r.HouseholdId, r.IdNumber)).ToList();
    }

    public async Task AddAsync(RegionScope scope, Enrolment enrolment, string? basisJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(enrolment);
        scope.Require(enrolment.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        enrolment.SetVersion(1);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO enrolments (id, region_code, application_id, programme, household_id, person_member_id, monthly_amount, dibao_class,
                                        review_interval_months, next_review_on, start_month, status, care_setting, approved_on, ended_on, basis,
                                        version, created_at, updated_at)
                VALUES (@Id, @RegionCode, @ApplicationId, @Programme, @HouseholdId, @PersonMemberId, @MonthlyAmount, @DibaoClass,
                        @ReviewIntervalMonths, @NextReviewOn, @StartMonth, @Status, @CareSetting, @ApprovedOn, NULL, @basis::jsonb, 1, @now, @now)
                """,
                new
                {
                    enrolment.Id,
                    RegionCode = enrolment.Region.Value,
                    enrolment.ApplicationId,
                    Programme = enrolment.Programme.ToString(),
                    enrolment.HouseholdId,
                    enrolment.PersonMemberId,
                    enrolment.MonthlyAmount,
                    enrolment.DibaoClass,
                    enrolment.ReviewIntervalMonths,
                    enrolment.NextReviewOn,
                    enrolment.StartMonth,
                    Status = enrolment.Status.ToString(),
                    CareSetting = enrolment.CareSetting?.ToString(),
                    enrolment.ApprovedOn,
                    basis = basisJson,
                    now = clock.GetUtcNow(),
                },
                session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO enrolment_persons (enrolment_id, region_code, member_id, id_number, programme, household_id, active)
                SELECT @id, @region, m, n, @programme, @householdId, true FROM unnest(@members::uuid[], @numbers::text[]) AS t(m, n)
                """,
                new
                {
                    id = enrolment.Id,
                    region = enrolment.Region.Value,
                    programme = enrolment.Programme.ToString(),
                    householdId = enrolment.HouseholdId,
                    members = enrolment.Covered.Select(c => c.MemberId).ToArray(),
                    numbers = enrolment.Covered.Select(c => c.IdNumber).ToArray(),
                },
                session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            events.Collect(enrolment);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new BusinessRuleViolationException(
                "enrolment.already-enrolled", "A covered person already holds an active enrolment of this programme, or this approval already enrolled.", "R-22");
        }
    }

    public async Task<(Enrolment Enrolment, string? BasisJson)?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns}, basis::text AS Basis FROM enrolments WHERE id = @id AND starts_with(region_code, @prefix)", new { id, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var persons = await PersonsAsync(connection, [id], cancellationToken).ConfigureAwait(false);
        return (ToEnrolment(row, persons[id].ToList()), row.Basis);
    }

    public async Task SaveAsync(RegionScope scope, Enrolment enrolment, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(enrolment);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE enrolments SET status = @status, ended_on = @endedOn, monthly_amount = @monthlyAmount,
                review_interval_months = @reviewIntervalMonths, next_review_on = @nextReviewOn, gradual_exit_ends_on = @gradualExitEndsOn,
                termination_pending_since = @terminationPendingSince, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @expectedVersion AND starts_with(region_code, @prefix)
            RETURNING version
            """,
            new
            {
                id = enrolment.Id,
                status = enrolment.Status.ToString(),
                endedOn = enrolment.EndedOn,
                monthlyAmount = enrolment.MonthlyAmount,
                reviewIntervalMonths = enrolment.ReviewIntervalMonths,
                nextReviewOn = enrolment.NextReviewOn,
                gradualExitEndsOn = enrolment.GradualExitEndsOn,
                terminationPendingSince = enrolment.TerminationPendingSince,
                expectedVersion,
                now = clock.GetUtcNow(),
                prefix = scope.Prefix,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (version is null)
        {
            var actual = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT version FROM enrolments WHERE id = @id", new { id = enrolment.Id }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            throw new VersionMismatchException("Enrolment", expectedVersion, actual ?? 0);
        }

        // A person the enrolment stopped covering keeps the row for history, inactive, with the day it stopped.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE enrolment_persons p SET removed_on = s.stopped_on
            FROM unnest(@stoppedMembers::uuid[], @stoppedOn::date[]) AS s(member_id, stopped_on)
            WHERE p.enrolment_id = @id AND p.member_id = s.member_id AND p.removed_on IS NULL;
            UPDATE enrolment_persons SET active = @active AND removed_on IS NULL WHERE enrolment_id = @id
            """,
            new
            {
                id = enrolment.Id,
                active = enrolment.IsActive,
                stoppedMembers = enrolment.CoverageStopped.Select(c => c.MemberId).ToArray(),
                stoppedOn = enrolment.CoverageStopped.Select(c => c.On).ToArray(),
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        enrolment.SetVersion(version.Value);
        events.Collect(enrolment);
    }

    public async Task<IReadOnlyList<Enrolment>> ListAsync(
        RegionScope scope, Programme? programme, EnrolmentStatus? status, Guid? householdId, Guid? afterId, int limit, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns}, NULL::text AS Basis FROM enrolments
            WHERE region_code LIKE @prefix
              AND (@programme::text IS NULL OR programme = @programme)
              AND (@status::text IS NULL OR status = @status)
              AND (@householdId::uuid IS NULL OR household_id = @householdId)
              AND (@afterId::uuid IS NULL OR id > @afterId)
            ORDER BY id
            LIMIT @limit
            """,
            new { prefix = scope.Prefix + "%", programme = programme?.ToString(), status = status?.ToString(), householdId, afterId, limit },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var persons = await PersonsAsync(connection, rows.Select(r => r.Id).ToArray(), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => ToEnrolment(r, persons[r.Id].ToList())).ToList();
    }

    private async Task<ILookup<Guid, CoveredPerson>> PersonsAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(Guid EnrolmentId, Guid MemberId, string IdNumber)>(new CommandDefinition(
            "SELECT enrolment_id, member_id, id_number FROM enrolment_persons WHERE enrolment_id = ANY(@ids) AND removed_on IS NULL ORDER BY enrolment_id, id_number",
            new { ids }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
        .ToLookup(p => p.EnrolmentId, p => new CoveredPerson(p.MemberId, p.IdNumber));

    private static Enrolment ToEnrolment(Row r, IReadOnlyList<CoveredPerson> persons) => Enrolment.Restore(new EnrolmentState
    {
        Id = r.Id,
        RegionCode = r.RegionCode,
        ApplicationId = r.ApplicationId,
        Programme = Enum.Parse<Programme>(r.Programme),
        HouseholdId = r.HouseholdId,
        PersonMemberId = r.PersonMemberId,
        Covered = persons,
        MonthlyAmount = r.MonthlyAmount,
        DibaoClass = r.DibaoClass,
        ReviewIntervalMonths = r.ReviewIntervalMonths,
        NextReviewOn = r.NextReviewOn,
        StartMonth = r.StartMonth,
        Status = Enum.Parse<EnrolmentStatus>(r.Status),
        CareSetting = r.CareSetting is null ? null : Enum.Parse<CareSetting>(r.CareSetting),
        ApprovedOn = r.ApprovedOn,
        EndedOn = r.EndedOn,
        GradualExitEndsOn = r.GradualExitEndsOn,
        TerminationPendingSince = r.TerminationPendingSince,
        Version = r.Version,
    });

    private sealed class Row
    {
        public Guid Id { get; init; }

        public string RegionCode { get; init; } = string.Empty;

        public Guid ApplicationId { get; init; }

        public string Programme { get; init; } = string.Empty;

        public Guid HouseholdId { get; init; }

        public Guid? PersonMemberId { get; init; }

        public decimal MonthlyAmount { get; init; }

        public string? DibaoClass { get; init; }

        public int? ReviewIntervalMonths { get; init; }

        public DateOnly? NextReviewOn { get; init; }

        public DateOnly StartMonth { get; init; }

        public string Status { get; init; } = string.Empty;

        public string? CareSetting { get; init; }

        public DateOnly ApprovedOn { get; init; }

        public DateOnly? EndedOn { get; init; }

        public DateOnly? GradualExitEndsOn { get; init; }

        public DateOnly? TerminationPendingSince { get; init; }

        public long Version { get; init; }

        public string? Basis { get; init; }
    }
}
