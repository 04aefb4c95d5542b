namespace Assistance.Domain.Common;

/// <summary>Something that happened to an aggregate, raised by the aggregate itself and handled after the handler ran, in the same transaction.</summary>
public interface IDomainEvent
{
}

/// <summary>An aggregate that raises domain events; the repository collects them when it stores the aggregate.</summary>
public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
