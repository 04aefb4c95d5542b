namespace Assistance.Infrastructure.Alerts;

using Assistance.Application.Policy;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>What one rule did on a day: alerts raised, open alerts seen again, alerts cleared, and open alerts of the rule after the run.</summary>
public sealed record AlertRuleOutcome(string Rule, long Raised, long SeenAgain, long Cleared, long Open);

/// <summary>
/// Runs alert rules for a day as system work (the owner, national scope), each rule in its own transaction and in
/// three set-based statements: the condition joined with the parameters raises new alerts and marks open ones seen
/// (one INSERT … ON CONFLICT on the partial unique index of open alerts), then open alerts of the rule not seen on
/// that day are resolved by the system ("the condition no longer holds"). Parameters are resolved in C# first: every
/// region of the register × Urban/Rural × the rule's keys on the day (a few hundred values, PolicyStore's cache), passed
/// as arrays and unnested as <c>p</c>.
/// </summary>
public sealed class AlertRuleRunner(
    [FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource dataSource,
    IEnumerable<AlertRule> rules,
    IServiceScopeFactory scopes,
    TimeProvider clock)
{
    public const string SystemActor = "system:alert-rules";

    public IReadOnlyList<AlertRule> Rules { get; } = [.. rules];

    public async Task<IReadOnlyList<AlertRuleOutcome>> RunAsync(IReadOnlyCollection<string> ruleNames, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleNames);
        var selected = Rules.Where(r => ruleNames.Contains(r.Name)).ToList();
        var parameters = await ParametersAsync(selected, day, cancellationToken).ConfigureAwait(false);
        var outcomes = new List<AlertRuleOutcome>(selected.Count);
        foreach (var rule in selected)
        {
            outcomes.Add(await RunRuleAsync(rule, day, parameters, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    private async Task<AlertRuleOutcome> RunRuleAsync(AlertRule rule, DateOnly day, ParameterArrays p, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var args = new
        {
            day,
            now,
            rule = rule.Name,
            ruleId = rule.RuleId,
            source = rule.Source,
            regions = p.Regions,
            residences = p.Residences,
            keys = p.Keys,
            values = p.Values,
            actor = SystemActor,
            note = $"The condition no longer holds on {day:yyyy-MM-dd} (daily rule run).",
        };
        var (raised, seen) = await connection.QuerySingleAsync<(long Raised, long Seen)>(new CommandDefinition(
            $"""
            WITH p AS (
                SELECT * FROM unnest(@regions::text[], @residences::text[], @keys::text[], @values::numeric[]) AS p(region_code, residence, key, value)
            ),
            cond AS (
            {rule.ConditionSql}
            ),
            up AS (
                INSERT INTO alerts (id, region_code, rule, rule_id, source, subject_key, enrolment_id, household_id, member_id, detail, status,
                                    raised_on, last_seen_on, raised_at, version, updated_at)
                SELECT gen_random_uuid(), c.region_code, @rule, @ruleId, @source, c.subject_key, c.enrolment_id, c.household_id, c.member_id,
                       c.detail, 'Open', @day, @day, @now, 1, @now
                FROM cond c
                ON CONFLICT (rule, subject_key) WHERE status <> 'Resolved'
                DO UPDATE SET last_seen_on = EXCLUDED.last_seen_on, detail = EXCLUDED.detail
                WHERE alerts.last_seen_on < EXCLUDED.last_seen_on
                RETURNING (xmax = 0) AS raised
            )
            SELECT count(*) FILTER (WHERE raised), count(*) FILTER (WHERE NOT raised) FROM up
            """,
            args,
            transaction,
            commandTimeout: 600,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        // Still-open alerts the condition no longer returned. An alert seen on a later day (a re-run of an older day) stays.
        var cleared = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE alerts
            SET status = 'Resolved', resolved_at = @now, resolved_by = @actor, resolution_note = @note, version = version + 1, updated_at = @now
            WHERE rule = @rule AND status <> 'Resolved' AND last_seen_on < @day
            """,
            args,
            transaction,
            commandTimeout: 600,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var open = await OpenCountAsync(rule.Name, cancellationToken).ConfigureAwait(false);
        return new AlertRuleOutcome(rule.Name, raised, seen, cleared, open);
    }

    private async Task<long> OpenCountAsync(string rule, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM alerts WHERE rule = @rule AND status <> 'Resolved'",
            new { rule }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Every region of the register × Urban/Rural × every key the rules read, resolved on the day.</summary>
    private async Task<ParameterArrays> ParametersAsync(IReadOnlyList<AlertRule> selected, DateOnly day, CancellationToken cancellationToken)
    {
        var keys = selected.SelectMany(r => r.Parameters).Distinct().ToList();
        var result = new ParameterArrays();
        if (keys.Count == 0)
        {
            return result;
        }

        List<string> codes;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            codes = (await connection.QueryAsync<string>(new CommandDefinition("SELECT code FROM regions ORDER BY code", cancellationToken: cancellationToken))
                .ConfigureAwait(false)).AsList();
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IPolicyStore>();
        foreach (var code in codes)
        {
            var region = RegionCode.Parse(code);
            var resolver = await store.ResolverForAsync(region, cancellationToken).ConfigureAwait(false);
            foreach (var residence in new[] { ResidenceType.Urban, ResidenceType.Rural })
            {
                foreach (var key in keys)
                {
                    var value = resolver?.Resolve(key.Key, region, day, residence: residence)?.Value;
                    result.Add(code, residence.ToString(), key.Key, value is null || value.IsNull ? null : value.AsDecimal());
                }
            }
        }

        return result;
    }

    private sealed class ParameterArrays
    {
        private readonly List<string> regions = [];
        private readonly List<string> residences = [];
        private readonly List<string> keys = [];
        private readonly List<decimal?> values = [];

        public string[] Regions => [.. regions];

        public string[] Residences => [.. residences];

        public string[] Keys => [.. keys];

        public decimal?[] Values => [.. values];

        public void Add(string region, string residence, string key, decimal? value)
        {
            regions.Add(region);
            residences.Add(residence);
            keys.Add(key);
            values.Add(value);
        }
    }
}
