namespace Assistance.Infrastructure.Persistence;

using System.Diagnostics;
using System.Text.Json;
using Assistance.Application.Abstractions;
using Dapper;

/// <summary>Writes audit rows in the command's transaction; the table refuses UPDATE and DELETE.</summary>
public sealed class AuditLog(DbSession session, ICurrentUser currentUser, TimeProvider clock) : IAuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_events (id, occurred_at, actor, agency, entity_type, entity_id, action, region_code, before, after, reason, trace_id)
            VALUES (@id, @occurredAt, @actor, @agency, @entityType, @entityId, @action, @regionCode, @before::jsonb, @after::jsonb, @reason, @traceId)
            """,
            new
            {
                id = Guid.CreateVersion7(),
                occurredAt = clock.GetUtcNow(),
                actor = currentUser.Subject,
                agency = currentUser.Agency,
                entityType = entry.EntityType,
                entityId = entry.EntityId,
                action = entry.Action,
                regionCode = entry.Region.Value,
                before = entry.Before is null ? null : JsonSerializer.Serialize(entry.Before, Json),
                after = entry.After is null ? null : JsonSerializer.Serialize(entry.After, Json),
                reason = entry.Reason,
                traceId = Activity.Current?.TraceId.ToString(),
            },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
