namespace Assistance.Domain.Applications;

/// <summary>One data source's answer in the economic-status check.</summary>
public sealed record VerificationResult(VerificationSource Source, VerificationOutcome Outcome, string? Details, DateOnly RecordedOn, string RecordedBy);

/// <summary>入户调查: at least two investigators .</summary>
public sealed record HomeSurvey(DateOnly SurveyedOn, IReadOnlyList<string> Investigators, string Findings, string RecordedBy);

/// <summary>An objection raised during the public notice and how it was handled.</summary>
public sealed record Objection(DateOnly RecordedOn, string Details, ObjectionResolution Resolution, string? EvaluationOutcome, string RecordedBy);

/// <summary>A home visit by the county civil-affairs department.</summary>
public sealed record CountyHomeVisit(DateOnly VisitedOn, CountyVisitPurpose Purpose, IReadOnlyList<string> Investigators, string Findings, string RecordedBy);

/// <summary>A registered close relative (近亲属备案) found among the household's members at submission .</summary>
public sealed record ConflictOfInterestMatch(Guid RelativeId, string StaffName, StaffRole StaffRole, string Relationship);

/// <summary>The county's decision; a rejection carries written reasons.</summary>
public sealed record Decision(DecisionKind Kind, DateOnly DecidedOn, string Reasons, string DecidedBy);

/// <summary>One step of the case history: who did what, on which day, and why .</summary>
public sealed record ApplicationEvent(string Action, DateOnly OnDate, string Actor, string? Reason);

/// <summary>A statutory time limit with its due date and whether it was met (domain.md §7).</summary>
public sealed record Deadline(DeadlineStep Step, DateOnly StartedOn, int Limit, string Unit, DateOnly DueOn, DateOnly? CompletedOn, DeadlineState State, string Source)
{
    /// <summary>The one unit statutory limits are counted in (R-50: working days on the national calendar).</summary>
    public const string WorkingDays = nameof(WorkingDays);
}
