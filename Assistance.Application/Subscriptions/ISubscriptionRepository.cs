namespace Assistance.Application.Subscriptions;

using Assistance.Application.Abstractions;

/// <summary>
/// Subscriptions belong to an agency; a caller sees those of its agency whose region lies inside its scope. Dead letters
/// are listed only for events in the caller's scope (row-level security on the outbox).
/// </summary>
public interface ISubscriptionRepository
{
    Task AddAsync(RegionScope scope, SubscriptionDto subscription, string subject, string protectedSecret, CancellationToken cancellationToken);

    Task<IReadOnlyList<SubscriptionDto>> ListAsync(RegionScope scope, string agency, CancellationToken cancellationToken);

    Task<SubscriptionDto?> FindAsync(RegionScope scope, string agency, Guid id, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(RegionScope scope, string agency, Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetterDto>> ListDeadLettersAsync(RegionScope scope, Guid subscriptionId, int limit, CancellationToken cancellationToken);

    /// <summary>Puts a dead letter back in the queue (attempts reset, due now); false when there is no such dead letter.</summary>
    Task<bool> RedeliverAsync(RegionScope scope, Guid subscriptionId, Guid eventId, CancellationToken cancellationToken);
}
