namespace Assistance.Application.Applications;

using System.Text.Json;
using Assistance.Domain.Applications;
using Assistance.Domain.Calendar;
using CaseApplication = Assistance.Domain.Applications.Application;

/// <summary>An application with its workflow record, deadlines and history.</summary>
public sealed record ApplicationDto(
    Guid Id,
    string RegionCode,
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
    IReadOnlyList<VerificationSource> MissingVerificationSources,
    IReadOnlyList<VerificationResult> VerificationResults,
    IReadOnlyList<HomeSurvey> Surveys,
    DateOnly? NoticeOpenedOn,
    DateOnly? NoticeEndsOn,
    DateOnly? NoticeClosedOn,
    IReadOnlyList<Objection> Objections,
    bool ConflictOfInterestFlagged,
    IReadOnlyList<ConflictOfInterestMatch> ConflictsOfInterest,
    bool RandomCheckSelected,
    IReadOnlyList<CountyHomeVisit> CountyHomeVisits,
    bool Extended,
    Decision? Decision,
    JsonElement? Assessment,
    DateOnly? RefusalNoticeIssuedOn,
    IReadOnlyList<Guid> EnrolmentIds,
    IReadOnlyList<Deadline> Deadlines,
    bool Overdue,
    IReadOnlyList<ApplicationEvent> History,
    long Version)
{
    public static ApplicationDto From(CaseApplication a, string? assessmentJson, WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(a);
        var deadlines = a.Deadlines(calendar, today);
        return new ApplicationDto(
            a.Id, a.Region.Value, a.HouseholdId, a.ApplicantMemberId, a.Programme, a.Channel, a.SignedCommitment, a.ResidencePermit, a.Status,
            a.SubmittedOn, a.AcceptedOn, a.VerificationRequestedOn, a.VerificationCompletedOn, a.MissingVerificationSources, a.VerificationResults,
            a.Surveys, a.NoticeOpenedOn, a.NoticeEndsOn, a.NoticeClosedOn, a.Objections, a.ConflictOfInterestFlagged, a.Conflicts,
            a.RandomCheckSelected, a.CountyVisits, a.Extended, a.Decision,
            assessmentJson is null ? null : JsonDocument.Parse(assessmentJson).RootElement.Clone(),
            a.RefusalNoticeIssuedOn, a.EnrolmentIds, deadlines, deadlines.Any(d => d.State == DeadlineState.Overdue), a.History, a.Version);
    }
}

/// <summary>A row of the application list (with the deadline summary).</summary>
public sealed record ApplicationSummaryDto(
    Guid Id, string RegionCode, Guid HouseholdId, Programme Programme, ApplicationStatus Status, DateOnly SubmittedOn, bool ConflictOfInterestFlagged,
    bool Overdue, IReadOnlyList<Deadline> OverdueDeadlines, long Version);
