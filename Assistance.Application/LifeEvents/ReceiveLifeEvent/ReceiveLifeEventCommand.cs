namespace Assistance.Application.LifeEvents.ReceiveLifeEvent;

using Assistance.Application.Abstractions;
using Assistance.Domain.LifeEvents;

/// <summary>For a birth: the new person (their ID number when already issued).</summary>
public sealed record NewPersonInput(string? IdNumber, string? Name, DateOnly? BirthDate);

/// <summary>
/// A partner agency reports a life event. Idempotent by (<see cref="ReportingAgency"/>, <see cref="EventId"/>): a
/// repeat with the same content returns the first result; different content under the same id is refused.
/// </summary>
public sealed record ReceiveLifeEventCommand(
    string EventId, LifeEventType Type, string IdNumber, DateOnly OccurredOn, string ReportingAgency, NewPersonInput? NewPerson, string? Note)
    : ICommand<LifeEventDto>;
