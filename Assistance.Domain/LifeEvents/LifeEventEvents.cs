namespace Assistance.Domain.LifeEvents;

using Assistance.Domain.Common;
using Assistance.Domain.Regions;

/// <summary>A partner's life event was stored, matched to a household or kept unmatched (R-33; S0 二).</summary>
public sealed record LifeEventReceived(
    Guid EventId, RegionCode Region, string Agency, string ExternalId, LifeEventType Type, string IdNumber, DateOnly OccurredOn, DateOnly ReceivedOn,
    LifeEventStatus Status, Guid? HouseholdId, Guid? MemberId) : IDomainEvent;

/// <summary>The event's status moved (Matched → Processed once its effects are applied).</summary>
public sealed record LifeEventStatusChanged(
    Guid EventId, RegionCode Region, LifeEventType Type, LifeEventStatus StatusBefore, LifeEventStatus StatusAfter, DateOnly OnDate, string Reason) : IDomainEvent;

/// <summary>An enrolment's new amount after the event, paid from <paramref name="EffectiveMonth"/>.</summary>
public sealed record ReassessedEnrolment(Guid EnrolmentId, decimal AmountBefore, decimal AmountAfter, DateOnly EffectiveMonth);

/// <summary>
/// A person stopped being counted because of a death or imprisonment (R-33; S0 二 当月动态调整; R-01 N-57 Art.7): which
/// enrolments ended, which were reassessed from the next month, and which overpayments were raised. Partners are
/// notified from these events (S0 二: 将相关信息反馈给相关部门).
/// </summary>
public abstract record PersonCountingStopped(
    Guid EventId, RegionCode Region, Guid HouseholdId, Guid MemberId, string IdNumber, DateOnly OccurredOn, DateOnly ProcessedOn,
    IReadOnlyList<Guid> EnrolmentsEnded, IReadOnlyList<ReassessedEnrolment> EnrolmentsReassessed, IReadOnlyList<Guid> OverpaymentsRaised) : IDomainEvent;

/// <summary>死亡 processed .</summary>
public sealed record PersonDeceasedProcessed(
    Guid EventId, RegionCode Region, Guid HouseholdId, Guid MemberId, string IdNumber, DateOnly OccurredOn, DateOnly ProcessedOn,
    IReadOnlyList<Guid> EnrolmentsEnded, IReadOnlyList<ReassessedEnrolment> EnrolmentsReassessed, IReadOnlyList<Guid> OverpaymentsRaised)
    : PersonCountingStopped(EventId, Region, HouseholdId, MemberId, IdNumber, OccurredOn, ProcessedOn, EnrolmentsEnded, EnrolmentsReassessed, OverpaymentsRaised);

/// <summary>服刑 processed .</summary>
public sealed record PersonImprisonedProcessed(
    Guid EventId, RegionCode Region, Guid HouseholdId, Guid MemberId, string IdNumber, DateOnly OccurredOn, DateOnly ProcessedOn,
    IReadOnlyList<Guid> EnrolmentsEnded, IReadOnlyList<ReassessedEnrolment> EnrolmentsReassessed, IReadOnlyList<Guid> OverpaymentsRaised)
    : PersonCountingStopped(EventId, Region, HouseholdId, MemberId, IdNumber, OccurredOn, ProcessedOn, EnrolmentsEnded, EnrolmentsReassessed, OverpaymentsRaised);
