namespace Assistance.Infrastructure.Alerts;

using Assistance.Application.Policy;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// What one rule did on a day: alerts raised, open alerts whose condition still held (left as they are, not written),
/// alerts cleared, open alerts of the rule after the run, and the rule's wall time in milliseconds.
/// </summary>
public sealed record AlertRuleOutcome(string Rule, long Raised, long SeenAgain, long Cleared, long Open, long ElapsedMs);

/// <summary>
/// Runs alert rules for a day as system work (the owner, national scope), each rule in its own transaction and one
/// set-based statement that writes only what changed: the condition joined with the parameters is evaluated once
/// (a materialized CTE); new conditions are inserted (INSERT … ON CONFLICT DO NOTHING on the partial unique index of
/// open alerts, so an open condition is never raised twice), and open alerts of the rule that the condition no longer
/// returns are resolved by the system ("the condition no longer holds") through an anti-join. Open alerts whose
/// condition still holds are not touched: their last-seen day is the latest day the rule ran since raising them
/// (alert_rule_runs, migration 0330), and their detail is the one written when they were raised. Parameters are resolved in C# first: every
/// region of the register × Urban/Rural × the rule's keys on the day (a few hundred values, PolicyStore's cache),
/// passed as arrays and unnested as <c>p</c>.
/// </summary>
public sealed class AlertRuleRunner(
    [FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource dataSource,
    IEnumerable<AlertRule> rules,
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Configuration.IConfiguration configuration,
    TimeProvider clock)
{
    private readonly string workMem = configuration?["Alerts:RuleWorkMem"] is { Length: > 0 } w ? w : "256MB";

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
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // A batch statement over the whole register: enough memory for its hash joins and aggregates to stay in memory
        // (Alerts:RuleWorkMem, default 256MB; this transaction only).
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT set_config('work_mem', @workMem, true)", new { workMem }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        // This run, in run order: runs of one rule are serialized, so an alert's raising run and the runs after it say on
        // which days its condition still held (its derived last-seen day).
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext('alert-rule:' || @rule))", new { rule = rule.Name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var run = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO alert_rule_runs (rule, day, ran_at) VALUES (@rule, @day, @now) RETURNING seq",
            new { rule = rule.Name, day, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
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
            run,
        };
        var (raised, held, cleared) = await connection.QuerySingleAsync<(long Raised, long Held, long Cleared)>(new CommandDefinition(
            $"""
            WITH p AS (
                SELECT * FROM unnest(@regions::text[], @residences::text[], @keys::text[], @values::numeric[]) AS p(region_code, residence, key, value)
            ),
            cond AS MATERIALIZED (
            {rule.ConditionSql}
            ),
            ins AS (
                INSERT INTO alerts (id, region_code, rule, rule_id, source, subject_key, enrolment_id, household_id, member_id, detail, status,
                                    raised_on, last_seen_on, raised_at, version, updated_at)
                SELECT gen_random_uuid(), c.region_code, @rule, @ruleId, @source, c.subject_key, c.enrolment_id, c.household_id, c.member_id,
                       c.detail, 'Open', @day, @day, @now, 1, @now
                FROM cond c
                ON CONFLICT (rule, subject_key) WHERE status <> 'Resolved' DO NOTHING
                RETURNING 1
            ),
            -- Open alerts the condition no longer returns. One raised by a later day's run (a re-run of an older day) stays.
            res AS (
                UPDATE alerts a
                SET status = 'Resolved', resolved_at = @now, resolved_by = @actor, resolution_note = @note,
                    -- The latest earlier day a run since the raising one still found the condition (see AlertRepository).
                    last_seen_on = greatest(a.last_seen_on, (
                        SELECT max(r.day) FROM alert_rule_runs r
                        WHERE r.rule = @rule AND r.seq < @run AND r.day < @day
                          AND r.seq >= coalesce((SELECT min(x.seq) FROM alert_rule_runs x
                                                 WHERE x.rule = @rule AND x.day = a.raised_on AND x.ran_at = a.raised_at), 0))),
                    version = a.version + 1, updated_at = @now
                WHERE a.rule = @rule AND a.status <> 'Resolved' AND a.raised_on <= @day
                  AND NOT EXISTS (SELECT 1 FROM cond c WHERE c.subject_key = a.subject_key)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM cond), (SELECT count(*) FROM res)
            """,
            args,
            transaction,
            commandTimeout: 600,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var open = await OpenCountAsync(rule.Name, cancellationToken).ConfigureAwait(false);
        var elapsed = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new AlertRuleOutcome(rule.Name, raised, held - raised, cleared, open, elapsed);
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
