namespace Assistance.Application.LifeEvents.ListLifeEvents;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.LifeEvents;

public sealed record ListLifeEventsQuery(string? RegionCode, LifeEventStatus? Status, LifeEventType? Type, int? Limit, string? Cursor) : IQuery<Page<LifeEventDto>>;
