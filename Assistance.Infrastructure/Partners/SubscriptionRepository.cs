namespace Assistance.Infrastructure.Partners;

using Assistance.Application.Abstractions;
using Assistance.Application.Events;
using Assistance.Application.Subscriptions;
using Assistance.Infrastructure.Persistence;
using Dapper;

/// <summary>Subscriptions (0200) and their dead letters.</summary>
public sealed class SubscriptionRepository(DbSession session, TimeProvider clock) : ISubscriptionRepository
{
    private const string Columns = "id, agency, callback_url, array_to_string(event_types, ',') AS event_types, subscriber_region, created_at";

    public async Task AddAsync(RegionScope scope, SubscriptionDto subscription, string subject, string protectedSecret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(subscription);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO partner_subscriptions (id, agency, subject, region_prefix, subscriber_region, callback_url, event_types, secret_protected, created_at)
            VALUES (@Id, @Agency, @subject, @prefix, @RegionCode, @CallbackUrl, @types, @protectedSecret, @CreatedAt)
            """,
            new
            {
                subscription.Id,
                subscription.Agency,
                subject,
                prefix = scope.Prefix,
                subscription.RegionCode,
                subscription.CallbackUrl,
                types = subscription.EventTypes.Select(t => t.ToString()).ToArray(),
                protectedSecret,
                subscription.CreatedAt,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SubscriptionDto>> ListAsync(RegionScope scope, string agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM partner_subscriptions
            WHERE agency = @agency AND deleted_at IS NULL AND starts_with(region_prefix, @prefix)
            ORDER BY created_at, id LIMIT 200
            """,
            new { agency, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToDto()).ToList();
    }

    public async Task<SubscriptionDto?> FindAsync(RegionScope scope, string agency, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM partner_subscriptions
            WHERE id = @id AND agency = @agency AND deleted_at IS NULL AND starts_with(region_prefix, @prefix)
            """,
            new { id, agency, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToDto();
    }

    public async Task<bool> DeleteAsync(RegionScope scope, string agency, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE partner_subscriptions SET deleted_at = @now
            WHERE id = @id AND agency = @agency AND deleted_at IS NULL AND starts_with(region_prefix, @prefix)
            """,
            new { id, agency, prefix = scope.Prefix, now = clock.GetUtcNow() }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<DeadLetterDto>> ListDeadLettersAsync(RegionScope scope, Guid subscriptionId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DeadRow>(new CommandDefinition(
            """
            SELECT d.id AS delivery_id, d.event_id, e.type, e.occurred_at, d.attempts, d.last_error, d.dead_lettered_at
            FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
            WHERE d.subscription_id = @subscriptionId AND d.status = 'DeadLettered' AND starts_with(e.region_code, @prefix)
            ORDER BY d.dead_lettered_at, d.id LIMIT @limit
            """,
            new { subscriptionId, prefix = scope.Prefix, limit }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new DeadLetterDto(r.DeliveryId, r.EventId, Enum.Parse<PartnerEventType>(r.Type), Utc(r.OccurredAt), r.Attempts, r.LastError, Utc(r.DeadLetteredAt)))
            .ToList();
    }

    public async Task<bool> RedeliverAsync(RegionScope scope, Guid subscriptionId, Guid eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox_deliveries d SET status = 'Pending', attempts = 0, next_attempt_at = @now, dead_lettered_at = NULL
            FROM outbox_events e
            WHERE d.event_id = @eventId AND d.subscription_id = @subscriptionId AND d.status = 'DeadLettered'
              AND e.id = d.event_id AND starts_with(e.region_code, @prefix)
            """,
            new { eventId, subscriptionId, prefix = scope.Prefix, now = clock.GetUtcNow() }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false) == 1;
    }

    private sealed record Row(Guid Id, string Agency, string CallbackUrl, string EventTypes, string SubscriberRegion, DateTime CreatedAt)
    {
        public SubscriptionDto ToDto() =>
            new(Id, Agency, CallbackUrl, EventTypes.Split(',').Select(Enum.Parse<PartnerEventType>).ToList(), SubscriberRegion, Utc(CreatedAt));
    }

    private sealed record DeadRow(long DeliveryId, Guid EventId, string Type, DateTime OccurredAt, int Attempts, string? LastError, DateTime DeadLetteredAt);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
