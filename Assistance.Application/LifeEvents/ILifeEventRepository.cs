namespace Assistance.Application.LifeEvents;

using Assistance.Application.Abstractions;
using Assistance.Domain.LifeEvents;

/// <summary>A stored event with what replays compare and return.</summary>
public sealed record StoredLifeEvent(LifeEvent Event, string RequestHash, string? FirstResponseJson, string? EffectsJson);

/// <summary>Life events, region-owned: a matched event in its household's region, an unmatched one in the reporting caller's.</summary>
public interface ILifeEventRepository
{
    /// <summary>Serializes every request for one (agency, event id) until the transaction ends, so a concurrent duplicate waits and then replays.</summary>
    Task LockPartnerIdAsync(RegionScope scope, string agency, string externalId, CancellationToken cancellationToken);

    Task<StoredLifeEvent?> FindByPartnerIdAsync(RegionScope scope, string agency, string externalId, CancellationToken cancellationToken);

    /// <summary>Inserts the event; the (agency, event id) pair taken by an event the caller cannot see is 409 life-event.id-reused.</summary>
    Task AddAsync(RegionScope scope, LifeEvent lifeEvent, string requestHash, string recordedBy, CancellationToken cancellationToken);

    /// <summary>Stores the status, the effects and (once) the first response.</summary>
    Task SaveAsync(RegionScope scope, LifeEvent lifeEvent, string? effectsJson, string? firstResponseJson, CancellationToken cancellationToken);

    Task<StoredLifeEvent?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredLifeEvent>> ListAsync(
        RegionScope scope, LifeEventStatus? status, LifeEventType? type, Guid? afterId, int limit, CancellationToken cancellationToken);
}
