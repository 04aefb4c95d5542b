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
                LEFT JOIN LATERAL (SELECT count(*) AS persons FROM enrolment_persons ep WHERE ep.enrolment_id = e.id) p ON true
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
}
