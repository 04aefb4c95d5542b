namespace Assistance.Application.Events;

/// <summary>
/// Appends partner events in the current transaction, together with one pending delivery per matching subscription
/// (type subscribed, event region inside the subscription's region): a change and its notifications commit together.
/// </summary>
public interface IOutbox
{
    /// <returns>False when an event with this id is already in the outbox (a repeated run with a deterministic id): nothing is added.</returns>
    Task<bool> AppendAsync(PartnerEvent partnerEvent, CancellationToken cancellationToken);
}
