namespace Assistance.Infrastructure.Persistence;

using Npgsql;

/// <summary>
/// The bare baseline of scripts/bench-http.sh for <c>GET /households/{id}</c> (mapped only under the benchmark switch):
/// the household row, its members and their incomes by indexed reads in one batch — one round trip, one implicit
/// transaction that sets the caller's region first, so row-level security applies as on the real path — returned as
/// raw rows, with no mapping.
/// </summary>
public sealed class BenchmarkReads(NpgsqlDataSource dataSource)
{
    public async Task<Dictionary<string, List<object?[]>>> BareHouseholdAsync(Guid id, string regionPrefix, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT set_config('assistance.region_prefix', $1, true)") { Parameters = { new() { Value = regionPrefix } } },
                new NpgsqlBatchCommand(
                    """
                    SELECT id, region_code, residence, address, financial_assets, motor_vehicles, monthly_rigid_expenditure, version, created_at, updated_at
                    FROM households WHERE id = $1
                    """) { Parameters = { new() { Value = id } } },
                new NpgsqlBatchCommand(
                    """
                    SELECT id, household_id, id_number, name, relationship, status, labor_capacity, disability_category,
                           disability_grade, serious_illness, self_care, in_school, employed, has_capable_supporter
                    FROM household_members WHERE household_id = $1 ORDER BY position
                    """) { Parameters = { new() { Value = id } } },
                new NpgsqlBatchCommand(
                    """
                    SELECT i.member_id, i.income_type, i.monthly_amount, i.unstable
                    FROM member_incomes i JOIN household_members m ON m.id = i.member_id
                    WHERE m.household_id = $1 ORDER BY i.member_id, i.position
                    """) { Parameters = { new() { Value = id } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, List<object?[]>>(StringComparer.Ordinal);
        string[] names = ["region", "household", "members", "incomes"];
        var set = 0;
        do
        {
            var rows = new List<object?[]>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            result[names[set++]] = rows;
        }
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        return result;
    }

    /// <summary>The status-query baseline: the statement of <c>BeneficiaryStatusLookup</c>, raw rows, with the audit row when given.</summary>
    public async Task<List<object?[]>> BareStatusAsync(
        string[] idNumbers, string regionPrefix, string sqlPrefix, Partners.PartnerCallAudit? audit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT set_config('assistance.region_prefix', $1, true)") { Parameters = { new() { Value = regionPrefix } } },
                new NpgsqlBatchCommand(Partners.BeneficiaryStatusLookup.Sql) { Parameters = { new() { Value = idNumbers }, new() { Value = sqlPrefix } } },
            },
        };
        audit?.TryAppendTo(batch, 200, idNumbers.Length);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);

        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add([reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3)]);
        }

        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        return rows;
    }
}
