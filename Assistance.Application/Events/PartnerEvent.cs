namespace Assistance.Application.Events;

using Assistance.Domain.Regions;

/// <summary>
/// An event for partners as the outbox stores it: its id (receivers de-duplicate on it), type, region (a subscription
/// receives the events of its region subtree), order key (events with the same key are delivered in order: the
/// household, so every person of an enrolment event) and the data object (serialized camelCase).
/// </summary>
public sealed record PartnerEvent(Guid Id, PartnerEventType Type, RegionCode Region, string OrderKey, DateTimeOffset OccurredAt, object Data);
