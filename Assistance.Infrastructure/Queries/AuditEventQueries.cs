namespace Assistance.Infrastructure.Queries;

using Assistance.Application.Abstractions;
using System.Text.Json;
using Assistance.Application.AuditEvents.ListAuditEvents;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Assistance.Application.AuditEvents;

public sealed class AuditEventQueries(DbSession session) : IAuditEventQueries
{
    public async Task<IReadOnlyList<AuditEventDto>> ListAsync(
        RegionScope scope, string? entityType, string? entityId, (DateTimeOffset At, Guid Id)? after, int limit, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id, occurred_at, actor, agency, entity_type, entity_id, action, region_code,
                   before::text AS before, after::text AS after, reason, trace_id
            FROM audit_events
            WHERE region_code LIKE @prefix
              AND (@entityType::text IS NULL OR entity_type = @entityType)
              AND (@entityId::text IS NULL OR entity_id = @entityId)
              AND (@afterAt::timestamptz IS NULL OR (occurred_at, id) > (@afterAt, @afterId))
            ORDER BY occurred_at, id
            LIMIT @limit
            """,
            new
            {
                prefix = scope.Prefix + "%",
                entityType,
                entityId,
                afterAt = after?.At,
                afterId = after?.Id ?? Guid.Empty,
                limit,
            },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new AuditEventDto(
            r.id, new DateTimeOffset(DateTime.SpecifyKind(r.occurred_at, DateTimeKind.Utc)), r.actor, r.agency, r.entity_type, r.entity_id, r.action, r.region_code,
            Parse(r.before), Parse(r.after), r.reason, r.trace_id)).ToList();
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

#pragma warning disable IDE1006, CA1707, SA1300 // Dapper maps snake_case columns to these names; Npgsql reads timestamptz as a UTC DateTime.
    private sealed record Row(
        Guid id, DateTime occurred_at, string actor, string? agency, string entity_type, string entity_id, string action,
        string region_code, string? before, string? after, string? reason, string? trace_id);
#pragma warning restore IDE1006, CA1707, SA1300
}
