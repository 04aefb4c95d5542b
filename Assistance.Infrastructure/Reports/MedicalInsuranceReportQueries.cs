namespace Assistance.Infrastructure.Reports;

using Assistance.Application.Abstractions;
using Assistance.Application.Reports;
using Assistance.Domain.Applications;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// persons who became beneficiaries in a month (their enrolment's first paid month is that month) or stopped
/// (their enrolment ended in it), one set-based statement over ix_enrolments_start_month / ix_enrolments_ended_on (0141).
/// </summary>
public sealed class MedicalInsuranceReportQueries(
    DbSession session,
    [FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource systemDataSource) : IMedicalInsuranceReportQueries
{
    private const string Changes = """
        SELECT 'Started' AS change, e.start_month AS effective_on, p.id_number, coalesce(m.name, '') AS name, p.member_id, e.household_id,
               e.id AS enrolment_id, e.programme, e.region_code, e.start_month, e.ended_on
        FROM enrolments e
        JOIN enrolment_persons p ON p.enrolment_id = e.id
        LEFT JOIN household_members m ON m.id = p.member_id
        WHERE e.start_month = @month AND starts_with(e.region_code, @prefix)
        UNION ALL
        SELECT 'Ended', e.ended_on, p.id_number, coalesce(m.name, ''), p.member_id, e.household_id,
               e.id, e.programme, e.region_code, e.start_month, e.ended_on
        FROM enrolments e
        JOIN enrolment_persons p ON p.enrolment_id = e.id
        LEFT JOIN household_members m ON m.id = p.member_id
        WHERE e.ended_on >= @month AND e.ended_on < @next AND starts_with(e.region_code, @prefix)
        """;

    public async Task<IReadOnlyList<MedicalInsuranceChangeDto>> ChangesAsync(
        RegionScope scope, DateOnly month, MedicalInsuranceChangeKey? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT * FROM ({Changes}) c
            WHERE @afterChange::text IS NULL OR (c.change, c.enrolment_id, c.member_id) > (@afterChange, @afterEnrolment, @afterMember)
            ORDER BY c.change, c.enrolment_id, c.member_id
            LIMIT @limit
            """,
            new
            {
                month,
                next = month.AddMonths(1),
                prefix = scope.Prefix,
                afterChange = after?.Change.ToString(),
                afterEnrolment = after?.EnrolmentId,
                afterMember = after?.MemberId,
                limit,
            },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new MedicalInsuranceChangeDto(
            Enum.Parse<BeneficiaryChange>(r.Change), r.EffectiveOn, r.IdNumber, r.Name, r.MemberId, r.HouseholdId, r.EnrolmentId,
            Enum.Parse<Programme>(r.Programme), r.RegionCode, r.StartMonth, r.EndedOn)).ToList();
    }

    public async Task<(long Started, long Ended)> CountsAsync(RegionScope scope, DateOnly month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            $"SELECT count(*) FILTER (WHERE change = 'Started'), count(*) FILTER (WHERE change = 'Ended') FROM ({Changes}) c",
            new { month, next = month.AddMonths(1), prefix = scope.Prefix },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The month's counts nationally, in total and per programme (the monthly feed job; system work).</summary>
    public async Task<IReadOnlyDictionary<string, long>> NationalCountsAsync(DateOnly month, CancellationToken cancellationToken)
    {
        await using var connection = await systemDataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Change, string Programme, long Persons)>(new CommandDefinition(
            $"SELECT change, programme, count(*) FROM ({Changes}) c GROUP BY change, programme",
            new { month, next = month.AddMonths(1), prefix = string.Empty },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var counts = new Dictionary<string, long>
        {
            ["started"] = rows.Where(r => r.Change == "Started").Sum(r => r.Persons),
            ["ended"] = rows.Where(r => r.Change == "Ended").Sum(r => r.Persons),
        };
        foreach (var r in rows)
        {
            counts[$"{r.Programme}.{r.Change.ToLowerInvariant()}"] = r.Persons;
        }

        return counts;
    }

    // Dapper maps the snake_case columns (MatchNamesWithUnderscores).
    private sealed class Row
    {
        public string Change { get; init; } = string.Empty;

        public DateOnly EffectiveOn { get; init; }

        public string IdNumber { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public Guid MemberId { get; init; }

        public Guid HouseholdId { get; init; }

        public Guid EnrolmentId { get; init; }

        public string Programme { get; init; } = string.Empty;

        public string RegionCode { get; init; } = string.Empty;

        public DateOnly StartMonth { get; init; }

        public DateOnly? EndedOn { get; init; }
    }
}
