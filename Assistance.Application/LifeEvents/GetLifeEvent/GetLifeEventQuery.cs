namespace Assistance.Application.LifeEvents.GetLifeEvent;

using Assistance.Application.Abstractions;

public sealed record GetLifeEventQuery(Guid Id) : IQuery<LifeEventDto>;
