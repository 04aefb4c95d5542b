namespace Assistance.Infrastructure.Queries;

using Assistance.Application.Abstractions;
using Assistance.Application.Reports;
using Assistance.Domain.Applications;
using Assistance.Infrastructure.Persistence;
using Dapper;

/// <summary>R-62: the month's figures grouped by region code in SQL (set-based); the roll-up is done by the handler.</summary>
public sealed class ReportQueries(DbSession session) : IReportQueries
{
    public async Task<IReadOnlyList<ProgrammeFigureRow>> ProgrammeFiguresAsync(RegionScope scope, DateOnly monthStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);

        // In force in the month: paying from a month at or before it (start_month) and not ended before it began.
        var rows = await connection.QueryAsync<(string RegionCode, string Programme, int Households, int Persons, decimal MonthlyAmounts, int NewEnrolments, int EndedEnrolments)>(
            new CommandDefinition(
                """
                WITH e AS (
                    SELECT e.id, e.region_code, e.programme, e.household_id, e.monthly_amount, e.approved_on, e.ended_on,
                           (e.start_month <= @monthStart AND (e.ended_on IS NULL OR e.ended_on >= @monthStart)) AS in_force
                    FROM enrolments e
                    WHERE starts_with(e.region_code, @prefix) AND e.approved_on < @nextMonth
                )
                SELECT e.region_code, e.programme,
                       count(DISTINCT e.household_id) FILTER (WHERE e.in_force)::int,
                       coalesce(sum(p.persons) FILTER (WHERE e.in_force), 0)::int,
                       coalesce(sum(e.monthly_amount) FILTER (WHERE e.in_force), 0),
                       count(*) FILTER (WHERE e.approved_on >= @monthStart)::int,
                       count(*) FILTER (WHERE e.ended_on >= @monthStart AND e.ended_on < @nextMonth)::int
                FROM e
                -- R-33: a person whose coverage stopped (death) is not counted from the month it happened.
                LEFT JOIN LATERAL (SELECT count(*) AS persons FROM enrolment_persons ep
                                   WHERE ep.enrolment_id = e.id AND (ep.removed_on IS NULL OR ep.removed_on >= @nextMonth)) p ON true
                GROUP BY e.region_code, e.programme
                ORDER BY e.region_code, e.programme
                """,
                new { prefix = scope.Prefix, monthStart, nextMonth = monthStart.AddMonths(1) }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return rows.Select(r => new ProgrammeFigureRow(r.RegionCode, Enum.Parse<Programme>(r.Programme), r.Households, r.Persons, r.MonthlyAmounts, r.NewEnrolments, r.EndedEnrolments))
            .ToList();
    }

    public async Task<IReadOnlyList<TemporaryAssistanceFigureRow>> TemporaryAssistanceFiguresAsync(RegionScope scope, DateOnly monthStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string RegionCode, int CasesOpened, int CasesPaid, decimal AmountPaid, int FirstAidPayments)>(new CommandDefinition(
            """
            SELECT region_code,
                   count(*) FILTER (WHERE submitted_on >= @monthStart AND submitted_on < @nextMonth)::int,
                   count(*) FILTER (WHERE paid_on >= @monthStart AND paid_on < @nextMonth)::int,
                   coalesce(sum(amount_requested) FILTER (WHERE paid_on >= @monthStart AND paid_on < @nextMonth), 0),
                   count(*) FILTER (WHERE paid_on >= @monthStart AND paid_on < @nextMonth AND first_aid)::int
            FROM temporary_assistance_cases
            WHERE starts_with(region_code, @prefix)
              AND ((submitted_on >= @monthStart AND submitted_on < @nextMonth) OR (paid_on >= @monthStart AND paid_on < @nextMonth))
            GROUP BY region_code
            ORDER BY region_code
            """,
            new { prefix = scope.Prefix, monthStart, nextMonth = monthStart.AddMonths(1) }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new TemporaryAssistanceFigureRow(r.RegionCode, r.CasesOpened, r.CasesPaid, r.AmountPaid, r.FirstAidPayments)).ToList();
    }

    public async Task<IReadOnlyList<RollFigureRow>> RollFiguresAsync(RegionScope scope, DateOnly monthStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);

        // a roll's lines carry the household's region code, so the figures land on the townships and roll up
        // like the enrolment figures. Generated (net) and subsidies count the live lines of current versions only; a
        // line paid from a version that was later superseded stays paid there and is never repeated in the new version
        // (ux_payment_roll_lines_once), so paid counts Paid lines of every version of the month's rolls.
        var rows = await connection.QueryAsync<(string RegionCode, string Programme, decimal RollNet, decimal Paid, int SubsidyLines, decimal Subsidies)>(new CommandDefinition(
            """
            SELECT l.region_code, r.programme,
                   coalesce(sum(l.amount - coalesce(l.deduction, 0)) FILTER (WHERE r.superseded_by IS NULL AND l.live), 0),
                   coalesce(sum(l.amount - coalesce(l.deduction, 0)) FILTER (WHERE l.status = 'Paid'), 0),
                   count(*) FILTER (WHERE r.superseded_by IS NULL AND l.live AND l.kind = 'PriceSubsidy')::int,
                   coalesce(sum(l.amount) FILTER (WHERE r.superseded_by IS NULL AND l.live AND l.kind = 'PriceSubsidy'), 0)
            FROM payment_rolls r
            JOIN payment_roll_lines l ON l.roll_id = r.id
            WHERE r.month = @monthStart AND starts_with(l.region_code, @prefix)
            GROUP BY l.region_code, r.programme
            ORDER BY l.region_code, r.programme
            """,
            new { prefix = scope.Prefix, monthStart }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new RollFigureRow(r.RegionCode, Enum.Parse<Programme>(r.Programme), r.RollNet, r.Paid, r.SubsidyLines, r.Subsidies)).ToList();
    }

    public async Task<IReadOnlyList<ReviewFigureRow>> ReviewFiguresAsync(RegionScope scope, DateOnly monthStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);

        // a review row stores the next due date it set, not the one it answered. The date it answered is the
        // previous review's next_review_on, or for the first review start_month + the review interval (as the enrolment
        // set it when approved). Due dates not yet answered are the enrolment's own next_review_on. On time = reviewed on
        // or before the due date.
        var rows = await connection.QueryAsync<(string RegionCode, string Programme, int Due, int OnTime)>(new CommandDefinition(
            """
            WITH answered AS (
                SELECT rv.enrolment_id, rv.reviewed_on,
                       CASE WHEN row_number() OVER w = 1
                            THEN (e.start_month + make_interval(months => e.review_interval_months))::date
                            ELSE lag(rv.next_review_on) OVER w END AS due_on
                FROM enrolment_reviews rv
                JOIN enrolments e ON e.id = rv.enrolment_id
                WHERE starts_with(rv.region_code, @prefix)
                WINDOW w AS (PARTITION BY rv.enrolment_id ORDER BY rv.reviewed_on, rv.created_at, rv.id)
            ),
            due AS (
                SELECT enrolment_id, due_on, reviewed_on <= due_on AS on_time
                FROM answered
                WHERE due_on >= @monthStart AND due_on < @nextMonth
                UNION ALL
                SELECT e.id, e.next_review_on, false
                FROM enrolments e
                WHERE starts_with(e.region_code, @prefix) AND e.next_review_on >= @monthStart AND e.next_review_on < @nextMonth
                  AND e.start_month <= e.next_review_on AND (e.ended_on IS NULL OR e.ended_on >= e.next_review_on)
            ),
            per_date AS (
                SELECT enrolment_id, due_on, bool_or(on_time) AS on_time FROM due GROUP BY enrolment_id, due_on
            )
            SELECT e.region_code, e.programme, count(*)::int, count(*) FILTER (WHERE d.on_time)::int
            FROM per_date d
            JOIN enrolments e ON e.id = d.enrolment_id
            GROUP BY e.region_code, e.programme
            ORDER BY e.region_code, e.programme
            """,
            new { prefix = scope.Prefix, monthStart, nextMonth = monthStart.AddMonths(1) }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new ReviewFigureRow(r.RegionCode, Enum.Parse<Programme>(r.Programme), r.Due, r.OnTime)).ToList();
    }
}
