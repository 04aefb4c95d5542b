namespace Assistance.Infrastructure.Reviews;

using Assistance.Application.Abstractions;
using Assistance.Application.Reviews;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;

/// <summary>Reviews (核查) and the set-based selections of dynamic management (R-30 … R-32).</summary>
public sealed class ReviewRepository(DbSession session, TimeProvider clock) : IReviewRepository
{
    private const string Columns = """
        id AS Id, enrolment_id AS EnrolmentId, region_code AS RegionCode, household_id AS HouseholdId, household_version AS HouseholdVersion,
        reviewed_on AS ReviewedOn, outcome AS Outcome, rule AS Rule, source AS Source, explanation AS Explanation,
        income_rise_from_employment AS IncomeRiseFromEmployment, amount_before AS AmountBefore, amount_after AS AmountAfter,
        effective_month AS EffectiveMonth, gradual_exit_ends_on AS GradualExitEndsOn, termination_postponed AS TerminationPostponed,
        next_review_on AS NextReviewOn, note AS Note, assessment::text AS Assessment, recorded_by AS RecordedBy, recorded_on AS RecordedOn
        """;

    // A moratorium in force on @on covering @region (its subtree prefix starts the code): R-31.
    private const string InForce = "m.starts_on <= @on AND (m.ends_on IS NULL OR m.ends_on > @on)";

    public async Task AddAsync(RegionScope scope, EnrolmentReview review, string assessmentJson, string recordedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(review);
        scope.Require(review.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO enrolment_reviews (id, region_code, enrolment_id, household_id, household_version, reviewed_on, outcome, rule, source, explanation,
                                           income_rise_from_employment, amount_before, amount_after, effective_month, gradual_exit_ends_on,
                                           termination_postponed, next_review_on, note, assessment, recorded_by, recorded_on, created_at)
            VALUES (@Id, @RegionCode, @EnrolmentId, @HouseholdId, @HouseholdVersion, @ReviewedOn, @Outcome, @Rule, @Source, @Explanation,
                    @IncomeRiseFromEmployment, @AmountBefore, @AmountAfter, @EffectiveMonth, @GradualExitEndsOn,
                    @TerminationPostponed, @NextReviewOn, @Note, @Assessment::jsonb, @RecordedBy, @RecordedOn, @now)
            """,
            new
            {
                review.Id,
                RegionCode = review.Region.Value,
                review.EnrolmentId,
                review.HouseholdId,
                review.HouseholdVersion,
                review.ReviewedOn,
                Outcome = review.Outcome.ToString(),
                review.Rule,
                review.Source,
                review.Explanation,
                review.IncomeRiseFromEmployment,
                review.AmountBefore,
                review.AmountAfter,
                review.EffectiveMonth,
                review.GradualExitEndsOn,
                review.TerminationPostponed,
                review.NextReviewOn,
                review.Note,
                Assessment = assessmentJson,
                RecordedBy = recordedBy,
                review.RecordedOn,
                now = clock.GetUtcNow(),
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<StoredReview?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM enrolment_reviews WHERE id = @id AND starts_with(region_code, @prefix)",
            new { id, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToStored();
    }

    public async Task<IReadOnlyList<StoredReview>> ListForEnrolmentAsync(RegionScope scope, Guid enrolmentId, Guid? afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM enrolment_reviews
            WHERE enrolment_id = @enrolmentId AND starts_with(region_code, @prefix) AND (@afterId::uuid IS NULL OR id > @afterId)
            ORDER BY id
            LIMIT @limit
            """,
            new { enrolmentId, prefix = scope.Prefix, afterId, limit }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToStored()).ToList();
    }

    public async Task<IReadOnlyList<DueReviewDto>> ListDueAsync(
        RegionScope scope, DateOnly before, DateOnly today, DuePosition? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var prefix = scope.Prefix;

        // The moratoriums in force today that touch the scope (few rows): one over the whole scope empties the list;
        // those inside it are excluded by prefix.
        var held = (await connection.QueryAsync<string>(new CommandDefinition(
            $"""
            SELECT m.subtree_prefix FROM review_moratoriums m
            WHERE {InForce} AND (starts_with(@prefix, m.subtree_prefix) OR starts_with(m.subtree_prefix, @prefix))
            """,
            new { on = today, prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        if (held.Any(p => prefix.StartsWith(p, StringComparison.Ordinal)))
        {
            return [];
        }

        // Region codes are digits: in "C" order the subtree is the range [prefix, prefix + ':'), which the partial index
        // ix_enrolments_due_review reads in the list's order, so a page stops after `limit` rows whatever the county's size.
        var rows = await connection.QueryAsync<DueRow>(new CommandDefinition(
            """
            SELECT e.id AS EnrolmentId, e.region_code AS RegionCode, e.programme AS Programme, e.household_id AS HouseholdId, e.dibao_class AS DibaoClass,
                   e.review_interval_months AS ReviewIntervalMonths, e.next_review_on AS NextReviewOn, e.monthly_amount AS MonthlyAmount,
                   e.status AS Status, e.version AS Version
            FROM enrolments e
            WHERE e.status <> 'Ended' AND e.next_review_on IS NOT NULL
              AND e.region_code COLLATE "C" >= @low AND e.region_code COLLATE "C" < @high
              AND starts_with(e.region_code, @prefix)
              AND e.next_review_on < @before
              AND (@afterRegion::text IS NULL
                   OR (e.region_code COLLATE "C", e.next_review_on, e.id) > (@afterRegion::text COLLATE "C", @afterDate::date, @afterId::uuid))
              AND NOT (e.region_code LIKE ANY (@held))
            ORDER BY e.region_code COLLATE "C", e.next_review_on, e.id
            LIMIT @limit
            """,
            new
            {
                low = prefix,
                high = prefix + ":",
                prefix,
                before,
                afterRegion = after?.RegionCode,
                afterDate = after?.NextReviewOn,
                afterId = after?.Id,
                held = held.Select(p => p + "%").ToArray(),
                limit,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new DueReviewDto(
            r.EnrolmentId, r.RegionCode, Enum.Parse<Domain.Applications.Programme>(r.Programme), r.HouseholdId, r.DibaoClass, r.ReviewIntervalMonths,
            r.NextReviewOn, r.MonthlyAmount, Enum.Parse<EnrolmentStatus>(r.Status), r.Version)).ToList();
    }

    public async Task<IReadOnlyList<ExitToApply>> ListExitsToApplyAsync(RegionScope scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);

        // The exit's own day (last day of the gradual exit; the review date of a postponed termination), moved to the
        // last day of a moratorium that held it (R-31: payment continued while it was in force).
        var rows = await connection.QueryAsync<(Guid Id, bool GradualExit, DateOnly EndedOn)>(new CommandDefinition(
            $"""
            WITH candidates AS (
                SELECT e.id, e.region_code, e.status = 'GradualExit' AS gradual,
                       CASE WHEN e.status = 'GradualExit' THEN e.gradual_exit_ends_on ELSE e.termination_pending_since END AS base
                FROM enrolments e
                WHERE starts_with(e.region_code, @prefix)
                  AND ((e.status = 'GradualExit' AND e.gradual_exit_ends_on < @on)
                       OR (e.termination_pending_since IS NOT NULL AND e.status <> 'Ended'))
            )
            SELECT c.id, c.gradual,
                   GREATEST(c.base, (SELECT max(m.ends_on) - 1 FROM review_moratoriums m
                                     WHERE starts_with(c.region_code, m.subtree_prefix) AND m.ends_on > c.base AND m.ends_on <= @on
                                       AND m.starts_on <= CASE WHEN c.gradual THEN c.base + 1 ELSE @on END))
            FROM candidates c
            WHERE NOT EXISTS (SELECT 1 FROM review_moratoriums m WHERE starts_with(c.region_code, m.subtree_prefix) AND {InForce})
            ORDER BY c.id
            """,
            new { prefix = scope.Prefix, on = asOf }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new ExitToApply(r.Id, r.GradualExit, r.EndedOn)).ToList();
    }

    public async Task<bool> MoratoriumInForceAsync(RegionScope scope, RegionCode region, DateOnly onDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Require(region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM review_moratoriums m WHERE starts_with(@region, m.subtree_prefix) AND {InForce})",
            new { region = region.Value, on = onDay }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private sealed class DueRow
    {
        public Guid EnrolmentId { get; init; }

        public string RegionCode { get; init; } = string.Empty;

        public string Programme { get; init; } = string.Empty;

        public Guid HouseholdId { get; init; }

        public string? DibaoClass { get; init; }

        public int? ReviewIntervalMonths { get; init; }

        public DateOnly NextReviewOn { get; init; }

        public decimal MonthlyAmount { get; init; }

        public string Status { get; init; } = string.Empty;

        public long Version { get; init; }
    }

    private sealed class Row
    {
        public Guid Id { get; init; }

        public Guid EnrolmentId { get; init; }

        public string RegionCode { get; init; } = string.Empty;

        public Guid HouseholdId { get; init; }

        public long HouseholdVersion { get; init; }

        public DateOnly ReviewedOn { get; init; }

        public string Outcome { get; init; } = string.Empty;

        public string Rule { get; init; } = string.Empty;

        public string Source { get; init; } = string.Empty;

        public string Explanation { get; init; } = string.Empty;

        public bool IncomeRiseFromEmployment { get; init; }

        public decimal AmountBefore { get; init; }

        public decimal AmountAfter { get; init; }

        public DateOnly? EffectiveMonth { get; init; }

        public DateOnly? GradualExitEndsOn { get; init; }

        public bool TerminationPostponed { get; init; }

        public DateOnly? NextReviewOn { get; init; }

        public string? Note { get; init; }

        public string Assessment { get; init; } = "{}";

        public string RecordedBy { get; init; } = string.Empty;

        public DateOnly RecordedOn { get; init; }

        public StoredReview ToStored() => new(
            new EnrolmentReview(
                Id, EnrolmentId, Domain.Regions.RegionCode.Parse(RegionCode), HouseholdId, HouseholdVersion, ReviewedOn, Enum.Parse<ReviewOutcome>(Outcome), Rule, Source,
                Explanation, IncomeRiseFromEmployment, AmountBefore, AmountAfter, EffectiveMonth, GradualExitEndsOn, TerminationPostponed, NextReviewOn, Note, RecordedOn),
            Assessment,
            RecordedBy);
    }
}
