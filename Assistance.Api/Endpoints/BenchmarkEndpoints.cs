namespace Assistance.Api.Endpoints;

using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

/// <summary>
/// Baselines for scripts/bench-http.sh, mapped only when <c>Benchmarks:ConstantEndpoint</c> is true and never part of
/// the published contract: a constant answer through the same host, authentication, rate limiter and JSON pipeline as
/// every endpoint (the assessment baseline), and the same household read as <c>GET /households/{id}</c> done with bare
/// Npgsql in one round trip (the household read baseline).
/// </summary>
public static class BenchmarkEndpoints
{
    public static void MapBenchmarkBaseline(this RouteGroupBuilder api, IConfiguration configuration)
    {
        if (configuration.GetValue("Benchmarks:ConstantEndpoint", false))
        {
            api.MapPost("/benchmark/constant", Constant).ExcludeFromDescription();
            api.MapGet("/benchmark/households/{id:guid}", BareHousehold).RequireAuthorization(Scopes.RegistryRead).ExcludeFromDescription();
        }
    }

    public static Ok<ConstantAnswer> Constant() => TypedResults.Ok(ConstantAnswer.Instance);

    /// <summary>
    /// The household row, its members and their incomes by indexed reads in one batch (one implicit transaction that
    /// sets the caller's region first, so row-level security applies as on the real path), returned as raw rows.
    /// </summary>
    public static async Task<Results<Ok<Dictionary<string, List<object?[]>>>, NotFound>> BareHousehold(
        Guid id, NpgsqlDataSource dataSource, ICurrentUser user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT set_config('assistance.region_prefix', $1, true)") { Parameters = { new() { Value = user.Scope.DatabasePrefix } } },
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
        return result["household"].Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    public sealed record ConstantAnswer(string Outcome, decimal MonthlyAmount)
    {
        public static readonly ConstantAnswer Instance = new("NotEligible", 0.00m);
    }
}
