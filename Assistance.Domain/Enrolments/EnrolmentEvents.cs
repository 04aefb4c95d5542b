namespace Assistance.Domain.Enrolments;

using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Regions;

/// <summary>
/// What every enrolment event carries: the enrolment, whom it covers, the action as the audit trail names it, the date
/// it happened and the reason given (R-22, R-30 … R-35). Partners (outbox) and the audit trail read the same events.
/// </summary>
public abstract record EnrolmentDomainEvent(
    Guid EnrolmentId, RegionCode Region, Programme Programme, Guid HouseholdId, IReadOnlyList<CoveredPerson> Covered, string Action, DateOnly OnDate,
    string? Reason) : IDomainEvent;

/// <summary>纳入救助: an approval enrolled the household or the tekun person, paying from <paramref name="StartMonth"/> (R-22; N-57 Art.21).</summary>
public sealed record EnrolmentStarted(
    Guid EnrolmentId, RegionCode Region, Programme Programme, Guid HouseholdId, IReadOnlyList<CoveredPerson> Covered, DateOnly OnDate, string? Reason,
    Guid ApplicationId, Guid? PersonMemberId, DateOnly StartMonth, decimal MonthlyAmount, string? DibaoClass, int? ReviewIntervalMonths, DateOnly? NextReviewOn,
    CareSetting? CareSetting)
    : EnrolmentDomainEvent(EnrolmentId, Region, Programme, HouseholdId, Covered, "Created", OnDate, Reason);

/// <summary>Suspended, resumed or entered its gradual exit (渐退, R-32): the enrolment continues in another status.</summary>
public sealed record EnrolmentStatusChanged(
    Guid EnrolmentId, RegionCode Region, Programme Programme, Guid HouseholdId, IReadOnlyList<CoveredPerson> Covered, string Action, DateOnly OnDate, string? Reason,
    EnrolmentStatus StatusBefore, EnrolmentStatus StatusAfter)
    : EnrolmentDomainEvent(EnrolmentId, Region, Programme, HouseholdId, Covered, Action, OnDate, Reason);

/// <summary>The enrolment ended for good (R-22: never reactivated); nothing is paid for months after <paramref name="EndedOn"/>.</summary>
public sealed record EnrolmentEnded(
    Guid EnrolmentId, RegionCode Region, Programme Programme, Guid HouseholdId, IReadOnlyList<CoveredPerson> Covered, DateOnly OnDate, string? Reason,
    EnrolmentStatus StatusBefore, DateOnly EndedOn)
    : EnrolmentDomainEvent(EnrolmentId, Region, Programme, HouseholdId, Covered, "End", OnDate, Reason);

/// <summary>The monthly amount changed from <paramref name="EffectiveMonth"/> (a review's Adjust, a life event's reassessment: ).</summary>
public sealed record EnrolmentAmountChanged(
    Guid EnrolmentId, RegionCode Region, Programme Programme, Guid HouseholdId, IReadOnlyList<CoveredPerson> Covered, DateOnly OnDate, string? Reason,
    decimal AmountBefore, decimal AmountAfter, DateOnly EffectiveMonth)
    : EnrolmentDomainEvent(EnrolmentId, Region, Programme, HouseholdId, Covered, "AmountChanged", OnDate, Reason);

/// <summary>
/// A review (核查) was recorded: its outcome, rule and what it changed. An Adjust, a gradual exit or an immediate
/// termination also raises its own AmountChanged, StatusChanged or Ended event.
/// </summary>
public sealed record EnrolmentReviewed(
    Guid EnrolmentId, RegionCode Region, Programme Programme, Guid HouseholdId, IReadOnlyList<CoveredPerson> Covered, DateOnly OnDate, string? Reason,
    EnrolmentReview Review, DateOnly? NextReviewBefore)
    : EnrolmentDomainEvent(EnrolmentId, Region, Programme, HouseholdId, Covered, "Reviewed", OnDate, Reason);

/// <summary>A covered member refused suitable work; <paramref name="ConsecutiveUnjustified"/> counts the run this refusal ends or continues.</summary>
public sealed record WorkRefusalRecorded(
    Guid EnrolmentId, RegionCode Region, Programme Programme, Guid HouseholdId, IReadOnlyList<CoveredPerson> Covered, DateOnly OnDate, string? Reason,
    Guid RefusalId, Guid MemberId, DateOnly RefusedOn, bool Justified, int ConsecutiveUnjustified)
    : EnrolmentDomainEvent(EnrolmentId, Region, Programme, HouseholdId, Covered, "WorkRefused", OnDate, Reason);

/// <summary>A covered person died: the continuing enrolment no longer covers them from <paramref name="StoppedOn"/> (R-33; S0 二).</summary>
public sealed record EnrolmentCoverageStopped(
    Guid EnrolmentId, RegionCode Region, Programme Programme, Guid HouseholdId, IReadOnlyList<CoveredPerson> Covered, DateOnly OnDate, string? Reason,
    CoveredPerson Person, DateOnly StoppedOn)
    : EnrolmentDomainEvent(EnrolmentId, Region, Programme, HouseholdId, Covered, "CoverageStopped", OnDate, Reason);
