namespace Assistance.Infrastructure.Alerts;

using Assistance.Application.Abstractions;
using Assistance.Application.Alerts;
using Assistance.Application.Common;
using Assistance.Application.Events;
using Assistance.Domain.Alerts;
using Assistance.Infrastructure.Persistence;
using Dapper;

/// <summary>
/// Alerts read and changed by callers, within their region scope (RLS enforces it again). An open alert's last-seen day
/// is the latest day its rule ran since raising it (alert_rule_runs, migration 0330): runs do not rewrite unchanged open alerts.
/// </summary>
public sealed class AlertRepository(DbSession session, DomainEventCollector events) : IAlertRepository
{
    private const string Columns = """
        id AS Id, region_code AS RegionCode, rule AS Rule, rule_id AS RuleId, source AS Source, enrolment_id AS EnrolmentId,
        household_id AS HouseholdId, member_id AS MemberId, detail AS Detail, status AS Status, raised_on AS RaisedOn,
        CASE WHEN status = 'Resolved' THEN last_seen_on
             ELSE greatest(last_seen_on, (
                 SELECT max(r.day) FROM alert_rule_runs r
                 WHERE r.rule = alerts.rule
                   AND r.seq >= coalesce((SELECT min(x.seq) FROM alert_rule_runs x
                                          WHERE x.rule = alerts.rule AND x.day = alerts.raised_on AND x.ran_at = alerts.raised_at), 0))) END AS LastSeenOn,
        acknowledged_at AS AcknowledgedAt, acknowledged_by AS AcknowledgedBy, resolved_at AS ResolvedAt, resolved_by AS ResolvedBy,
        resolution_note AS ResolutionNote, version AS Version
        """;

    public async Task<Alert?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<AlertState>(new CommandDefinition(
            $"SELECT {Columns} FROM alerts WHERE id = @id AND starts_with(region_code, @prefix)",
            new { id, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : Alert.Restore(row);
    }

    public async Task SaveAsync(RegionScope scope, Alert alert, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(alert);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var s = alert.State;
        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE alerts SET status = @status, acknowledged_at = @AcknowledgedAt, acknowledged_by = @AcknowledgedBy, resolved_at = @ResolvedAt,
                              resolved_by = @ResolvedBy, resolution_note = @ResolutionNote, version = version + 1, updated_at = @now
            WHERE id = @Id AND version = @expectedVersion AND starts_with(region_code, @prefix)
            RETURNING version
            """,
            new
            {
                s.Id,
                status = s.Status.ToString(),
                s.AcknowledgedAt,
                s.AcknowledgedBy,
                s.ResolvedAt,
                s.ResolvedBy,
                s.ResolutionNote,
                expectedVersion,
                now,
                prefix = scope.Prefix,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (version is null)
        {
            var actual = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT version FROM alerts WHERE id = @id", new { id = s.Id }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            throw new VersionMismatchException("Alert", expectedVersion, actual ?? 0);
        }

        alert.MarkSaved(version.Value);
        events.Collect(alert);
    }

    public async Task<IReadOnlyList<AlertState>> ListAsync(
        RegionScope scope, string? rule, AlertStatus? status, Guid? afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AlertState>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM alerts
            WHERE region_code LIKE @prefix
              AND (@rule::text IS NULL OR rule = @rule)
              AND (@status::text IS NULL OR status = @status)
              AND (@afterId::uuid IS NULL OR id > @afterId)
            ORDER BY id
            LIMIT @limit
            """,
            new { prefix = scope.Prefix + "%", rule, status = status?.ToString(), afterId, limit },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }
}
