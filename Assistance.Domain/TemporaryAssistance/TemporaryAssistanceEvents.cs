namespace Assistance.Domain.TemporaryAssistance;

using Assistance.Domain.Common;
using Assistance.Domain.Regions;

/// <summary>What every temporary-assistance event carries: the case, the step, date, actor, reason, status before and after.</summary>
public abstract record TemporaryAssistanceEvent(
    Guid CaseId, RegionCode Region, string Action, DateOnly OnDate, string Actor, string? Reason,
    TemporaryAssistanceStatus? StatusBefore, TemporaryAssistanceStatus StatusAfter) : IDomainEvent;

/// <summary>A case was recorded where the emergency happened, with its evaluation in months and tier .</summary>
public sealed record TemporaryAssistanceCaseOpened(
    Guid CaseId, RegionCode Region, DateOnly OnDate, string Actor, string? Reason, TemporaryAssistanceType Type, Money AmountRequested,
    decimal Months, ApprovalTier Tier, bool UnemployedMigrantGrant)
    : TemporaryAssistanceEvent(CaseId, Region, "Opened", OnDate, Actor, Reason, null, TemporaryAssistanceStatus.Submitted);

/// <summary>Approved or refused at its tier .</summary>
public sealed record TemporaryAssistanceCaseDecided(
    Guid CaseId, RegionCode Region, string Action, DateOnly OnDate, string Actor, string? Reason,
    TemporaryAssistanceStatus? StatusBefore, TemporaryAssistanceStatus StatusAfter, ApprovalTier Tier, string? MeetingReference)
    : TemporaryAssistanceEvent(CaseId, Region, Action, OnDate, Actor, Reason, StatusBefore, StatusAfter);

/// <summary>Paid from the township's reserve fund; <c>FirstAid</c>: before the paperwork (先行救助, R-44).</summary>
public sealed record TemporaryAssistanceCasePaid(
    Guid CaseId, RegionCode Region, DateOnly OnDate, string Actor, string? Reason, TemporaryAssistanceStatus? StatusBefore,
    Money Amount, bool FirstAid, DateOnly? PaperworkDueOn)
    : TemporaryAssistanceEvent(CaseId, Region, FirstAid ? "PaidFirst" : "Paid", OnDate, Actor, Reason, StatusBefore, TemporaryAssistanceStatus.Paid);

/// <summary>The paperwork of a first-aid payment, recorded afterwards (事后补充说明情况, R-44).</summary>
public sealed record TemporaryAssistancePaperworkRecorded(
    Guid CaseId, RegionCode Region, DateOnly OnDate, string Actor, string? Reason, ApprovalTier Tier, string? MeetingReference, bool Late)
    : TemporaryAssistanceEvent(CaseId, Region, "PaperworkRecorded", OnDate, Actor, Reason, TemporaryAssistanceStatus.Paid, TemporaryAssistanceStatus.Paid);

/// <summary>Money entered or left a township's reserve fund (备用金, R-45).</summary>
public sealed record ReserveFundMoved(
    RegionCode Township, Guid EntryId, string Kind, Money Amount, Money BalanceAfter, Guid? CaseId, DateOnly OnDate, string Actor, string? Reason)
    : IDomainEvent;
