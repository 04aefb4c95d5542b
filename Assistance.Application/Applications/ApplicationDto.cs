namespace Assistance.Application.Applications;

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Assistance.Domain.Applications;
using Assistance.Domain.Calendar;
using CaseApplication = Assistance.Domain.Applications.Application;

/// <summary>An application with its workflow record, deadlines and history.</summary>
public sealed record ApplicationDto(
    Guid Id,
    [property: MaxLength(12)] string RegionCode,
    Guid HouseholdId,
    Guid ApplicantMemberId,
    Programme Programme,
    ApplicationChannel Channel,
    bool SignedCommitment,
    bool ResidencePermit,
    ApplicationStatus Status,
    DateOnly SubmittedOn,
    DateOnly? AcceptedOn,
    DateOnly? VerificationRequestedOn,
    DateOnly? VerificationCompletedOn,
    [property: MaxLength(5)] IReadOnlyList<VerificationSource> MissingVerificationSources,
    [property: MaxLength(500)] IReadOnlyList<VerificationResultDto> VerificationResults,
    [property: MaxLength(100)] IReadOnlyList<HomeSurveyDto> Surveys,
    DateOnly? NoticeOpenedOn,
    DateOnly? NoticeEndsOn,
    DateOnly? NoticeClosedOn,
    [property: MaxLength(200)] IReadOnlyList<ObjectionDto> Objections,
    bool ConflictOfInterestFlagged,
    [property: MaxLength(100)] IReadOnlyList<ConflictOfInterestDto> ConflictsOfInterest,
    bool RandomCheckSelected,
    [property: MaxLength(100)] IReadOnlyList<CountyHomeVisitDto> CountyHomeVisits,
    bool Extended,
    DecisionDto? Decision,
    JsonElement? Assessment,
    DateOnly? RefusalNoticeIssuedOn,
    [property: MaxLength(20)] IReadOnlyList<Guid> EnrolmentIds,
    [property: MaxLength(10)] IReadOnlyList<DeadlineDto> Deadlines,
    bool Overdue,
    [property: MaxLength(2000)] IReadOnlyList<ApplicationEventDto> History,
    [property: Range(0, long.MaxValue)] long Version)
{
    public static ApplicationDto From(CaseApplication a, string? assessmentJson, WorkingDayCalendar calendar, StatutoryTimeLimits limits, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(a);
        var deadlines = a.Deadlines(calendar, limits, today);
        return new ApplicationDto(
            a.Id, a.Region.Value, a.HouseholdId, a.ApplicantMemberId, a.Programme, a.Channel, a.SignedCommitment, a.ResidencePermit, a.Status,
            a.SubmittedOn, a.AcceptedOn, a.VerificationRequestedOn, a.VerificationCompletedOn, a.MissingVerificationSources,
            a.VerificationResults.Select(r => new VerificationResultDto(r.Source, r.Outcome, r.Details, r.RecordedOn, r.RecordedBy)).ToList(),
            a.Surveys.Select(v => new HomeSurveyDto(v.SurveyedOn, InvestigatorDto.From(v.Investigators), v.Findings, v.RecordedBy)).ToList(),
            a.NoticeOpenedOn, a.NoticeEndsOn(calendar, limits), a.NoticeClosedOn,
            a.Objections.Select(o => new ObjectionDto(o.RecordedOn, o.Details, o.Resolution, o.EvaluationOutcome, o.RecordedBy)).ToList(),
            a.ConflictOfInterestFlagged,
            a.Conflicts.Select(c => new ConflictOfInterestDto(c.RelativeId, c.StaffName, c.StaffRole.ToString(), c.Relationship)).ToList(),
            a.RandomCheckSelected,
            a.CountyVisits.Select(v => new CountyHomeVisitDto(v.VisitedOn, v.Purpose, InvestigatorDto.From(v.Investigators), v.Findings, v.RecordedBy)).ToList(),
            a.Extended,
            a.Decision is { } d ? new DecisionDto(d.Kind, d.DecidedOn, d.Reasons, d.DecidedBy) : null,
            assessmentJson is null ? null : JsonDocument.Parse(assessmentJson).RootElement.Clone(),
            a.RefusalNoticeIssuedOn, a.EnrolmentIds, deadlines.Select(DeadlineDto.From).ToList(), deadlines.Any(d => d.State == DeadlineState.Overdue),
            a.History.Select(h => new ApplicationEventDto(h.Action, h.OnDate, h.Actor, h.Reason)).ToList(), a.Version);
    }
}

/// <summary>One data source's answer in the economic-status check.</summary>
public sealed record VerificationResultDto(
    VerificationSource Source, VerificationOutcome Outcome, [property: MaxLength(4000)] string? Details, DateOnly RecordedOn, [property: MaxLength(200)] string RecordedBy);

/// <summary>A home survey (入户调查).</summary>
public sealed record HomeSurveyDto(
    DateOnly SurveyedOn, [property: MaxLength(20)] IReadOnlyList<InvestigatorDto> Investigators, [property: MaxLength(8000)] string Findings, [property: MaxLength(200)] string RecordedBy);

/// <summary>An investigator of a home survey or county visit.</summary>
public sealed record InvestigatorDto([property: Required, MaxLength(100)] string Name)
{
    public static IReadOnlyList<InvestigatorDto> From(IEnumerable<string> names) => names.Select(n => new InvestigatorDto(n)).ToList();
}

/// <summary>An objection during the public notice and how it was handled.</summary>
public sealed record ObjectionDto(
    DateOnly RecordedOn, [property: MaxLength(8000)] string Details, ObjectionResolution Resolution, [property: MaxLength(4000)] string? EvaluationOutcome,
    [property: MaxLength(200)] string RecordedBy);

/// <summary>A county home visit.</summary>
public sealed record CountyHomeVisitDto(
    DateOnly VisitedOn, CountyVisitPurpose Purpose, [property: MaxLength(20)] IReadOnlyList<InvestigatorDto> Investigators, [property: MaxLength(8000)] string Findings,
    [property: MaxLength(200)] string RecordedBy);

/// <summary>A registered close relative found among the household's members .</summary>
public sealed record ConflictOfInterestDto(
    Guid RelativeId, [property: MaxLength(100)] string StaffName, [property: MaxLength(20)] string StaffRole, [property: MaxLength(50)] string Relationship);

/// <summary>The county's decision.</summary>
public sealed record DecisionDto(DecisionKind Kind, DateOnly DecidedOn, [property: MaxLength(8000)] string Reasons, [property: MaxLength(200)] string DecidedBy);

/// <summary>One step of the case history: what, on which day, by whom, why.</summary>
public sealed record ApplicationEventDto(
    [property: MaxLength(100)] string Action, DateOnly OnDate, [property: MaxLength(200)] string Actor, [property: MaxLength(8000)] string? Reason);

/// <summary>A statutory time limit (domain.md §7): its start, limit, due date, completion and state.</summary>
public sealed record DeadlineDto(
    DeadlineStep Step, DateOnly StartedOn, [property: Range(0, 366)] int Limit, [property: MaxLength(20)] string Unit, DateOnly DueOn, DateOnly? CompletedOn,
    DeadlineState State, [property: MaxLength(100)] string Source)
{
    public static DeadlineDto From(Deadline d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DeadlineDto(d.Step, d.StartedOn, d.Limit, d.Unit, d.DueOn, d.CompletedOn, d.State, d.Source);
    }
}

/// <summary>A row of the application list (with the deadline summary).</summary>
public sealed record ApplicationSummaryDto(
    Guid Id, [property: MaxLength(12)] string RegionCode, Guid HouseholdId, Programme Programme, ApplicationStatus Status, DateOnly SubmittedOn, bool ConflictOfInterestFlagged,
    bool Overdue, [property: MaxLength(10)] IReadOnlyList<DeadlineDto> OverdueDeadlines, [property: Range(0, long.MaxValue)] long Version);
