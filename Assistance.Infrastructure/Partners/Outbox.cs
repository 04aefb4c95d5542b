namespace Assistance.Infrastructure.Partners;

using System.Text.Json;
using Assistance.Application.Events;
using Assistance.Infrastructure.Persistence;
using Dapper;

/// <summary>
/// Writes a partner event and its deliveries in one statement, in the command's transaction: the event row, then one
/// pending delivery for every live subscription of that type whose region subtree holds the event's region.
/// </summary>
public sealed class Outbox(DbSession session) : IOutbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task<bool> AppendAsync(PartnerEvent partnerEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partnerEvent);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            WITH e AS (
                INSERT INTO outbox_events (id, type, region_code, order_key, occurred_at, data)
                VALUES (@id, @type, @region, @orderKey, @at, @data::jsonb)
                ON CONFLICT (id) DO NOTHING
                RETURNING id, seq
            ), d AS (
                INSERT INTO outbox_deliveries (event_id, event_seq, subscription_id, order_key, status, next_attempt_at, created_at)
                SELECT e.id, e.seq, s.id, @orderKey, 'Pending', @at, @at
                FROM e CROSS JOIN partner_subscriptions s
                WHERE s.deleted_at IS NULL AND @type = ANY (s.event_types) AND starts_with(@region, s.region_prefix)
            )
            SELECT count(*) FROM e
            """,
            new
            {
                id = partnerEvent.Id,
                type = partnerEvent.Type.ToString(),
                region = partnerEvent.Region.Value,
                orderKey = partnerEvent.OrderKey,
                at = partnerEvent.OccurredAt,
                data = JsonSerializer.Serialize(partnerEvent.Data, Json),
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }
}
