namespace Assistance.Infrastructure.Workflow;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Assistance.Application.CareAgreements;
using Assistance.Application.Events;

public sealed class CareAgreementRepository(DbSession session, TimeProvider clock, DomainEventCollector events) : ICareAgreementRepository
{
    private const string Columns = """
        id AS Id, region_code AS RegionCode, enrolment_id AS EnrolmentId, carer_name AS CarerName, carer_phone AS CarerPhone, duties AS Duties,
        visit_frequency_days AS VisitFrequencyDays, starts_on AS StartsOn, last_visit_on AS LastVisitOn, version AS Version
        """;

    public async Task<bool> ExistsForEnrolmentAsync(RegionScope scope, Guid enrolmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM care_agreements WHERE enrolment_id = @enrolmentId AND starts_with(region_code, @prefix))",
            new { enrolmentId, prefix = scope.Prefix }, session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task AddAsync(RegionScope scope, CareAgreement agreement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(agreement);
        scope.Require(agreement.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        agreement.SetVersion(1);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO care_agreements (id, region_code, enrolment_id, carer_name, carer_phone, duties, visit_frequency_days, starts_on, last_visit_on, version, created_at)
            VALUES (@Id, @RegionCode, @EnrolmentId, @CarerName, @CarerPhone, @Duties, @VisitFrequencyDays, @StartsOn, @LastVisitOn, 1, @now)
            """,
            new
            {
                agreement.Id,
                RegionCode = agreement.Region.Value,
                agreement.EnrolmentId,
                agreement.CarerName,
                agreement.CarerPhone,
                agreement.Duties,
                agreement.VisitFrequencyDays,
                agreement.StartsOn,
                agreement.LastVisitOn,
                now = clock.GetUtcNow(),
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        events.Collect(agreement);
    }

    public async Task<CareAgreement?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM care_agreements WHERE id = @id AND starts_with(region_code, @prefix)", new { id, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToAgreement();
    }

    public async Task<IReadOnlyList<CareVisit>> VisitsAsync(RegionScope scope, Guid agreementId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(Guid Id, DateOnly VisitedOn, string Visitor, string Notes)>(new CommandDefinition(
            "SELECT id, visited_on, visitor, notes FROM care_visits WHERE agreement_id = @agreementId AND starts_with(region_code, @prefix) ORDER BY visited_on, id",
            new { agreementId, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new CareVisit(r.Id, r.VisitedOn, r.Visitor, r.Notes)).ToList();
    }

    public async Task SaveVisitAsync(RegionScope scope, CareAgreement agreement, long expectedVersion, CareVisit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(visit);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE care_agreements SET last_visit_on = @lastVisitOn, version = version + 1
            WHERE id = @id AND version = @expectedVersion AND starts_with(region_code, @prefix)
            RETURNING version
            """,
            new { id = agreement.Id, expectedVersion, lastVisitOn = agreement.LastVisitOn, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (version is null)
        {
            var actual = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT version FROM care_agreements WHERE id = @id", new { id = agreement.Id }, session.Transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            throw new VersionMismatchException("CareAgreement", expectedVersion, actual ?? 0);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO care_visits (id, agreement_id, region_code, visited_on, visitor, notes, recorded_at)
            VALUES (@Id, @agreementId, @regionCode, @VisitedOn, @Visitor, @Notes, @now)
            """,
            new { visit.Id, agreementId = agreement.Id, regionCode = agreement.Region.Value, visit.VisitedOn, visit.Visitor, visit.Notes, now = clock.GetUtcNow() },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        agreement.SetVersion(version.Value);
        events.Collect(agreement);
    }

    public async Task<IReadOnlyList<EnrolmentWithoutAgreementDto>> ListMissingAsync(RegionScope scope, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(Guid Id, string RegionCode, Guid? PersonMemberId, DateOnly ApprovedOn)>(new CommandDefinition(
            """
            SELECT e.id, e.region_code, e.person_member_id, e.approved_on
            FROM enrolments e
            WHERE e.region_code LIKE @prefix AND e.programme = 'Tekun' AND e.care_setting = 'Decentralized' AND e.status <> 'Ended'
              AND NOT EXISTS (SELECT 1 FROM care_agreements c WHERE c.enrolment_id = e.id)
            ORDER BY e.approved_on, e.id
            """,
            new { prefix = scope.Prefix + "%" }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new EnrolmentWithoutAgreementDto(r.Id, r.RegionCode, r.PersonMemberId, r.ApprovedOn)).ToList();
    }

    public async Task<IReadOnlyList<CareAgreement>> ListOverdueAsync(RegionScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT c.id AS Id, c.region_code AS RegionCode, c.enrolment_id AS EnrolmentId, c.carer_name AS CarerName, c.carer_phone AS CarerPhone,
                   c.duties AS Duties, c.visit_frequency_days AS VisitFrequencyDays, c.starts_on AS StartsOn, c.last_visit_on AS LastVisitOn,
                   c.version AS Version
            FROM care_agreements c
            JOIN enrolments e ON e.id = c.enrolment_id
            WHERE c.region_code LIKE @prefix AND e.status <> 'Ended'
              AND coalesce(c.last_visit_on, c.starts_on) + c.visit_frequency_days < @today
            ORDER BY coalesce(c.last_visit_on, c.starts_on) + c.visit_frequency_days, c.id
            """,
            new { prefix = scope.Prefix + "%", today }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToAgreement()).ToList();
    }

    private sealed class Row
    {
        public Guid Id { get; init; }

        public string RegionCode { get; init; } = string.Empty;

        public Guid EnrolmentId { get; init; }

        public string CarerName { get; init; } = string.Empty;

        public string? CarerPhone { get; init; }

        public string Duties { get; init; } = string.Empty;

        public int VisitFrequencyDays { get; init; }

        public DateOnly StartsOn { get; init; }

        public DateOnly? LastVisitOn { get; init; }

        public long Version { get; init; }

        public CareAgreement ToAgreement() => CareAgreement.Restore(new CareAgreementState(
            Id, Domain.Regions.RegionCode.Parse(RegionCode), EnrolmentId, CarerName, CarerPhone, Duties, VisitFrequencyDays, StartsOn, LastVisitOn, Version));
    }
}
