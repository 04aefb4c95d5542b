namespace Assistance.Application.Events;

using Assistance.Domain.Common;

/// <summary>
/// The second domain-event sink (beside <see cref="AuditTrailSink"/>): partner events go to the outbox in the command's
/// transaction. Delivery happens later in <c>WebhookDeliveryWorker</c>, so a slow or failing partner never blocks the
/// request that caused the event.
/// </summary>
public sealed class OutboxSink(IOutbox outbox, TimeProvider clock) : IDomainEventSink
{
    public async Task WriteAsync(IReadOnlyList<IDomainEvent> events, object command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = clock.GetUtcNow();
        foreach (var domainEvent in events)
        {
            if (PartnerEvents.From(domainEvent, now) is { } partnerEvent)
            {
                _ = await outbox.AppendAsync(partnerEvent, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
