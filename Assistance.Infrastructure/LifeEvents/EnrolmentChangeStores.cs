namespace Assistance.Infrastructure.LifeEvents;

using Assistance.Application.Abstractions;
using Assistance.Application.Enrolments;
using Assistance.Application.Overpayments;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Households;
using Assistance.Infrastructure.Persistence;
using Dapper;

/// <summary>The enrolment amount history, written from EnrolmentAmountChanged events.</summary>
public sealed class EnrolmentAmountHistory(DbSession session) : IEnrolmentAmountHistory
{
    public async Task RecordAsync(RegionScope scope, EnrolmentAmountChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(change);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO enrolment_amount_changes (enrolment_id, region_code, recorded_on, effective_month, amount_before, amount_after)
            VALUES (@EnrolmentId, @region, @OnDate, @EffectiveMonth, @AmountBefore, @AmountAfter)
            """,
            new { change.EnrolmentId, region = change.Region.Value, change.OnDate, change.EffectiveMonth, change.AmountBefore, change.AmountAfter },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AmountChange>> ListAsync(RegionScope scope, Guid enrolmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(DateOnly RecordedOn, DateOnly EffectiveMonth, decimal Before, decimal After)>(new CommandDefinition(
            """
            SELECT recorded_on, effective_month, amount_before, amount_after FROM enrolment_amount_changes
            WHERE enrolment_id = @enrolmentId AND starts_with(region_code, @prefix) ORDER BY seq
            """,
            new { enrolmentId, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new AmountChange(r.RecordedOn, r.EffectiveMonth, r.Before, r.After)).ToList();
    }
}

/// <summary>Refusals of suitable work .</summary>
public sealed class WorkRefusalStore(DbSession session, TimeProvider clock) : IWorkRefusalStore
{
    public async Task<int> ConsecutiveUnjustifiedAsync(RegionScope scope, Guid enrolmentId, Guid memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT count(*)::int FROM work_refusals r
            WHERE r.enrolment_id = @enrolmentId AND r.member_id = @memberId AND starts_with(r.region_code, @prefix) AND NOT r.justified
              AND r.seq > coalesce((SELECT max(j.seq) FROM work_refusals j
                                    WHERE j.enrolment_id = @enrolmentId AND j.member_id = @memberId AND j.justified AND starts_with(j.region_code, @prefix)), 0)
            """,
            new { enrolmentId, memberId, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task AddAsync(RegionScope scope, WorkRefusalRecord refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(refusal);
        scope.Require(refusal.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO work_refusals (id, region_code, enrolment_id, member_id, refused_on, offer, justified, justification, consecutive_unjustified, share_cut,
                                       recorded_by, created_at)
            VALUES (@Id, @region, @EnrolmentId, @MemberId, @RefusedOn, @Offer, @Justified, @Justification, @ConsecutiveUnjustified, @ShareCut, @RecordedBy, @now)
            """,
            new
            {
                refusal.Id,
                region = refusal.Region.Value,
                refusal.EnrolmentId,
                refusal.MemberId,
                refusal.RefusedOn,
                refusal.Offer,
                refusal.Justified,
                refusal.Justification,
                refusal.ConsecutiveUnjustified,
                refusal.ShareCut,
                refusal.RecordedBy,
                now = clock.GetUtcNow(),
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}

/// <summary>R-34 selection: one statement joining active tekun enrolments to their person's birth date and the region's limit.</summary>
public sealed class TekunMinorQueries(DbSession session) : ITekunMinorQueries
{
    public async Task<IReadOnlyList<string>> RegionsWithActiveTekunAsync(RegionScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT region_code FROM enrolments WHERE programme = 'Tekun' AND status <> 'Ended' AND starts_with(region_code, @prefix) ORDER BY 1",
            new { prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
    }

    public async Task<IReadOnlyList<TekunMinorCandidate>> CandidatesAsync(
        RegionScope scope, DateOnly asOf, IReadOnlyList<RegionAgeLimit> limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(limits);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(Guid EnrolmentId, Guid MemberId, string RegionCode, DateOnly BirthDate, DateOnly ApprovedOn, bool InSchool, string? Category, short? Grade)>(
            new CommandDefinition(
                """
                SELECT e.id, m.id, e.region_code, m.birth_date, e.approved_on, m.in_school, m.disability_category, m.disability_grade
                FROM enrolments e
                JOIN unnest(@regions::text[], @ages::int[]) AS l(region_code, age) ON l.region_code = e.region_code
                JOIN household_members m ON m.id = e.person_member_id
                WHERE e.programme = 'Tekun' AND e.status <> 'Ended' AND starts_with(e.region_code, @prefix)
                  AND (m.birth_date + make_interval(years => l.age))::date <= @asOf
                  AND (m.birth_date + make_interval(years => l.age))::date > e.approved_on
                ORDER BY e.id
                """,
                new { regions = limits.Select(l => l.RegionCode).ToArray(), ages = limits.Select(l => l.MinorAgeLimit).ToArray(), asOf, prefix = scope.Prefix },
                session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new TekunMinorCandidate(
            r.EnrolmentId, r.MemberId, r.RegionCode, r.BirthDate, r.ApprovedOn, r.InSchool,
            r.Category is { } c && r.Grade is { } g ? new Disability(Enum.Parse<DisabilityCategory>(c), g) : null)).ToList();
    }
}
