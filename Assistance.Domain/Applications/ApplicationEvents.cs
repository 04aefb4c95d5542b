namespace Assistance.Domain.Applications;

using Assistance.Domain.Common;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Regions;

/// <summary>
/// What every application event carries: the case, the step's action as the case history names it, the date, actor and
/// reason, and the status before and after the step.
/// </summary>
public abstract record ApplicationDomainEvent(
    Guid ApplicationId, RegionCode Region, string Action, DateOnly OnDate, string Actor, string? Reason, ApplicationStatus StatusBefore, ApplicationStatus StatusAfter)
    : IDomainEvent;

/// <summary>申请: a household applied .</summary>
public sealed record ApplicationSubmitted(
    Guid ApplicationId, RegionCode Region, DateOnly OnDate, string Actor, string? Reason, ApplicationStatus StatusAfter,
    Programme Programme, ApplicationChannel Channel, Guid HouseholdId, bool ConflictOfInterestFlagged)
    : ApplicationDomainEvent(ApplicationId, Region, "Submitted", OnDate, Actor, Reason, StatusAfter, StatusAfter);

/// <summary>A member of the applying household is a registered close relative of staff or a village cadre .</summary>
public sealed record ApplicationConflictOfInterestFlagged(
    Guid ApplicationId, RegionCode Region, DateOnly OnDate, string Actor, string? Reason, ApplicationStatus StatusAfter, IReadOnlyList<ConflictOfInterestMatch> Matches)
    : ApplicationDomainEvent(ApplicationId, Region, "ConflictOfInterestFlagged", OnDate, Actor, Reason, StatusAfter, StatusAfter);

/// <summary>
/// A workflow step between submission and decision: acceptance, verification, home survey, public notice, objection,
/// county home visit, extension, refusal notice.
/// </summary>
public sealed record ApplicationStepTaken(
    Guid ApplicationId, RegionCode Region, string Action, DateOnly OnDate, string Actor, string? Reason, ApplicationStatus StatusBefore, ApplicationStatus StatusAfter)
    : ApplicationDomainEvent(ApplicationId, Region, Action, OnDate, Actor, Reason, StatusBefore, StatusAfter);

/// <summary>The county drew the case for its random home check (抽查, R-20; N-43).</summary>
public sealed record ApplicationSelectedForRandomCheck(
    Guid ApplicationId, RegionCode Region, DateOnly OnDate, string Actor, string? Reason, ApplicationStatus StatusBefore, ApplicationStatus StatusAfter)
    : ApplicationDomainEvent(ApplicationId, Region, "SelectedForRandomCheck", OnDate, Actor, Reason, StatusBefore, StatusAfter);

/// <summary>
/// The county approved or rejected the application (审核确认, R-20). An approval carries what the eligibility engine
/// said on the decision date (<see cref="Assessment"/>), which the aggregate learns only after its checks passed.
/// </summary>
public sealed record ApplicationDecided(
    Guid ApplicationId, RegionCode Region, string Action, DateOnly OnDate, string Actor, string? Reason, ApplicationStatus StatusBefore, ApplicationStatus StatusAfter,
    Decision? Decision)
    : ApplicationDomainEvent(ApplicationId, Region, Action, OnDate, Actor, Reason, StatusBefore, StatusAfter)
{
    /// <summary>The approval's assessment; null on a rejection.</summary>
    public ApprovalAssessment? Assessment { get; init; }
}

/// <summary>
/// The household's assessment on the approval date as the decision's record shows it: the outcome and monthly amount,
/// or <see cref="Unavailable"/> when no eligibility engine answered (the enrolment then waits, R-22).
/// </summary>
public sealed record ApprovalAssessment(AssessmentOutcome? Outcome, decimal? MonthlyAmount)
{
    public static ApprovalAssessment Unavailable { get; } = new(null, null);

    public bool IsUnavailable => Outcome is null;
}

/// <summary>The enrolment(s) created from the approval are linked to the case .</summary>
public sealed record ApplicationEnrolled(
    Guid ApplicationId, RegionCode Region, DateOnly OnDate, string Actor, string? Reason, ApplicationStatus StatusBefore, ApplicationStatus StatusAfter,
    IReadOnlyList<Guid> EnrolmentIds)
    : ApplicationDomainEvent(ApplicationId, Region, "Enrolled", OnDate, Actor, Reason, StatusBefore, StatusAfter);
