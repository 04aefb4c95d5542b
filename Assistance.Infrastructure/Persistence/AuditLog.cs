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
                id = AuditIds.Next(),
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

/// <summary>
/// Audit row ids in the order the rows are written. Rows are listed by (occurred_at, id); one command's rows share
/// the time (one clock reading per command under a test clock, or the same millisecond), and version-7 ids of the same
/// millisecond differ only in random bits, so their order would be chance. Each id is therefore made greater than the
/// last one this process issued (bytewise, as PostgreSQL compares uuid).
/// </summary>
internal static class AuditIds
{
    private static readonly Lock Gate = new();
    private static Guid last = Guid.Empty;

    public static Guid Next()
    {
        var candidate = Guid.CreateVersion7();
        lock (Gate)
        {
            if (candidate.CompareTo(last) <= 0)
            {
                var bytes = last.ToByteArray(bigEndian: true);
                for (var i = bytes.Length - 1; i >= 0 && ++bytes[i] == 0; i--)
                {
                }

                candidate = new Guid(bytes, bigEndian: true);
            }

            last = candidate;
            return candidate;
        }
    }
}
