namespace Assistance.Application.Events;

using Assistance.Domain.Common;

/// <summary>
/// The domain events of one command, in the order the aggregates were stored. Repositories hand every aggregate they
/// add or save to <see cref="Collect"/>; <see cref="Behaviours.DomainEventsBehaviour{TRequest,TResponse}"/> drains the
/// queue once the handler is done, inside the same transaction.
/// </summary>
public sealed class DomainEventCollector
{
    private readonly List<IDomainEvent> events = [];

    public void Collect(IHasDomainEvents aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        events.AddRange(aggregate.DomainEvents);
        aggregate.ClearDomainEvents();
    }

    /// <summary>Forgets what an attempt collected (the unit of work retries the whole command).</summary>
    public void Reset() => events.Clear();

    public IReadOnlyList<IDomainEvent> Drain()
    {
        var drained = events.ToList();
        events.Clear();
        return drained;
    }
}
