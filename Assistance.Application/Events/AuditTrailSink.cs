namespace Assistance.Application.Events;

using System.Globalization;
using Assistance.Application.Abstractions;
using Assistance.Application.Calendar;
using Assistance.Application.CloseRelatives;
using Assistance.Application.Households;
using Assistance.Domain.Applications;
using Assistance.Domain.Calendar;
using Assistance.Domain.CloseRelatives;
using Assistance.Domain.Common;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using Assistance.Domain.LifeEvents;
using Assistance.Domain.Overpayments;
using Assistance.Domain.Reassessments;

/// <summary>
/// Turns domain events into audit rows. A workflow step's row shows the status before the command and after it, with
/// the command as details; the rows keep the shape they had when handlers wrote them by hand.
/// </summary>
public sealed class AuditTrailSink(IAuditLog audit) : IDomainEventSink
{
    private const string ApplicationEntity = "Application";
    private const string EnrolmentEntity = "Enrolment";
    private const string CareAgreementEntity = "CareAgreement";
    private const string CloseRelativeEntity = "CloseRelative";

    /// <summary>The reason on the row that says an approval found no eligibility engine (the enrolment waits).</summary>
    public const string AssessmentUnavailableReason = "No eligibility engine is wired in: enrolment waits for an assessment.";
    private const string LifeEventEntity = "LifeEvent";
    private const string OverpaymentEntity = "Overpayment";
    private const string ReassessmentTaskEntity = "ReassessmentTask";

    public async Task WriteAsync(IReadOnlyList<IDomainEvent> events, object command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var entry in Entries(events, command))
        {
            await audit.RecordAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The audit rows of a command's events (pure, so the mapping is testable without a database).</summary>
    public static IEnumerable<AuditEntry> Entries(IReadOnlyList<IDomainEvent> events, object command)
    {
        ArgumentNullException.ThrowIfNull(events);

        // One command may take several steps on a case (an objection that reopens the survey): each row shows the
        // case's status before the command and after it.
        var steps = events.OfType<ApplicationStepTaken>().ToList();
        foreach (var e in events)
        {
            switch (e)
            {
                case ApplicationStepTaken t:
                    var ofCase = steps.Where(x => x.ApplicationId == t.ApplicationId).ToList();
                    yield return new AuditEntry(
                        ApplicationEntity, t.ApplicationId.ToString(), t.Action, t.Region,
                        new { Status = ofCase[0].StatusBefore }, new { Status = ofCase[^1].StatusAfter, Details = command }, t.Reason);
                    break;
                case EnrolmentStarted s:
                    // The row shows the enrolment as a caller without pii.read sees it: audit readers need not hold that scope.
                    yield return new AuditEntry(
                        EnrolmentEntity, s.EnrolmentId.ToString(), s.Action, s.Region, null,
                        new
                        {
                            Id = s.EnrolmentId,
                            RegionCode = s.Region.Value,
                            s.ApplicationId,
                            s.Programme,
                            s.HouseholdId,
                            s.PersonMemberId,
                            Covered = s.Covered.Select(c => new { c.MemberId, IdNumber = NationalId.Mask(c.IdNumber) }),
                            s.MonthlyAmount,
                            s.DibaoClass,
                            s.ReviewIntervalMonths,
                            s.NextReviewOn,
                            StartMonth = s.StartMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                            Status = EnrolmentStatus.Active,
                            s.CareSetting,
                            ApprovedOn = s.OnDate,
                        },
                        s.Reason);
                    break;
                case EnrolmentStatusChanged c:
                    yield return new AuditEntry(
                        EnrolmentEntity, c.EnrolmentId.ToString(), c.Action, c.Region, new { Status = c.StatusBefore }, new { Status = c.StatusAfter, EndedOn = (DateOnly?)null }, c.Reason);
                    break;
                case EnrolmentEnded x:
                    yield return new AuditEntry(
                        EnrolmentEntity, x.EnrolmentId.ToString(), x.Action, x.Region, new { Status = x.StatusBefore }, new { Status = EnrolmentStatus.Ended, x.EndedOn }, x.Reason);
                    break;
                case EnrolmentCoverageStopped c:
                    yield return new AuditEntry(
                        EnrolmentEntity, c.EnrolmentId.ToString(), c.Action, c.Region, new { Covered = c.Covered.Count + 1 },
                        new { Covered = c.Covered.Count, c.Person.MemberId, IdNumber = NationalId.Mask(c.Person.IdNumber), c.StoppedOn }, c.Reason);
                    break;
                case EnrolmentAmountChanged a:
                    yield return new AuditEntry(
                        EnrolmentEntity, a.EnrolmentId.ToString(), a.Action, a.Region, new { MonthlyAmount = a.AmountBefore },
                        new { MonthlyAmount = a.AmountAfter, EffectiveMonth = a.EffectiveMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) }, a.Reason);
                    break;
                case ApplicationDecided d:
                    foreach (var entry in DecisionEntries(d))
                    {
                        yield return entry;
                    }

                    break;
                case ApplicationDomainEvent a:
                    yield return ApplicationEntry(a);
                    break;
                case CareAgreementCreated c:
                    yield return CareAgreementCreatedEntry(c);
                    break;
                case CareVisitRecorded v:
                    yield return new AuditEntry(
                        CareAgreementEntity, v.AgreementId.ToString(), "VisitRecorded", v.Region, new { LastVisitOn = v.LastVisitOnBefore }, v.Visit, null);
                    break;
                case CloseRelativeRegistered r:
                    var registered = CloseRelativeDto.From(r.Relative);
                    yield return new AuditEntry(
                        CloseRelativeEntity, registered.Id.ToString(), "Registered", r.Relative.Region, null,
                        registered with { RelativeIdNumber = r.Relative.RelativeIdNumber.Masked }, r.Reason);
                    break;
                case HouseholdEvent h:
                    // The household as the caller without pii.read sees it: ID numbers masked.
                    yield return new AuditEntry(
                        HouseholdRegistration.EntityType, h.After.Id.ToString(), h.Action, h.After.Region,
                        h.Before is null ? null : Household.Restore(h.Before).ToAuditSnapshot(), Household.Restore(h.After).ToAuditSnapshot(), null);
                    break;
                case CalendarYearPublished c:
                    // The calendar is national: its rows belong to the national region.
                    yield return new AuditEntry(
                        "CalendarYear", c.Year.Year.ToString(CultureInfo.InvariantCulture), c.Action, RegionCode.National,
                        c.Replaced is { } replaced ? CalendarMapping.ToDto(replaced, c.ReplacedVersion!.Value) : null, CalendarMapping.ToDto(c.Year, c.Version), c.Reason);
                    break;
                case Domain.Alerts.AlertAcknowledged a:
                    yield return new AuditEntry(
                        "Alert", a.AlertId.ToString(), "Acknowledged", a.Region, new { Status = Domain.Alerts.AlertStatus.Open },
                        new { Status = Domain.Alerts.AlertStatus.Acknowledged, a.Rule, a.By }, null);
                    break;
                case Domain.Alerts.AlertResolved r:
                    yield return new AuditEntry(
                        "Alert", r.AlertId.ToString(), "Resolved", r.Region, new { Status = r.StatusBefore },
                        new { Status = Domain.Alerts.AlertStatus.Resolved, r.Rule, r.By }, r.Note);
                    break;
                case EnrolmentReviewed r:
                    yield return new AuditEntry(
                        EnrolmentEntity, r.EnrolmentId.ToString(), r.Action, r.Region, new { NextReviewOn = r.NextReviewBefore, MonthlyAmount = r.Review.AmountBefore },
                        new
                        {
                            ReviewId = r.Review.Id,
                            r.Review.ReviewedOn,
                            r.Review.Outcome,
                            r.Review.Rule,
                            r.Review.Source,
                            r.Review.HouseholdVersion,
                            MonthlyAmount = r.Review.AmountAfter,
                            r.Review.NextReviewOn,
                            r.Review.GradualExitEndsOn,
                            r.Review.TerminationPostponed,
                        },
                        r.Reason);
                    break;
                case Domain.Reviews.ReviewMoratoriumChanged m:
                    yield return new AuditEntry("ReviewMoratorium", m.MoratoriumId.ToString(), m.Action, m.Region, m.Before, m.After, m.Reason);
                    break;
                // Temporary assistance and reserve funds (R-42 … R-45).
                case Domain.TemporaryAssistance.TemporaryAssistanceEvent ta:
                    yield return new AuditEntry(
                        "TemporaryAssistanceCase", ta.CaseId.ToString(), ta.Action, ta.Region,
                        ta.StatusBefore is null ? null : new { Status = ta.StatusBefore }, new { Status = ta.StatusAfter, Event = TemporaryAssistanceDetails(ta), Details = command }, ta.Reason);
                    break;
                case Domain.TemporaryAssistance.ReserveFundMoved moved:
                    yield return new AuditEntry(
                        "ReserveFund", moved.Township.Value, moved.Kind, moved.Township, null,
                        new { moved.EntryId, Amount = moved.Amount.Yuan, BalanceAfter = moved.BalanceAfter.Yuan, moved.CaseId, moved.OnDate }, moved.Reason);
                    break;
                case WorkRefusalRecorded w:
                    yield return new AuditEntry(
                        EnrolmentEntity, w.EnrolmentId.ToString(), w.Action, w.Region, null,
                        new { w.RefusalId, w.MemberId, w.RefusedOn, w.Justified, w.ConsecutiveUnjustified }, w.Reason);
                    break;
                case LifeEventReceived r:
                    yield return new AuditEntry(
                        LifeEventEntity, r.EventId.ToString(), "Received", r.Region, null,
                        new { r.Agency, EventId = r.ExternalId, r.Type, IdNumber = NationalId.Mask(r.IdNumber), r.OccurredOn, r.ReceivedOn, r.Status, r.HouseholdId, r.MemberId },
                        $"R-33: reported by {r.Agency}.");
                    break;
                case LifeEventStatusChanged c:
                    yield return new AuditEntry(
                        LifeEventEntity, c.EventId.ToString(), "StatusChanged", c.Region, new { Status = c.StatusBefore }, new { Status = c.StatusAfter }, c.Reason);
                    break;
                case PersonCountingStopped p:
                    yield return new AuditEntry(
                        LifeEventEntity, p.EventId.ToString(), p is PersonDeceasedProcessed ? "PersonDeceasedProcessed" : "PersonImprisonedProcessed", p.Region, null,
                        new
                        {
                            p.HouseholdId,
                            p.MemberId,
                            IdNumber = NationalId.Mask(p.IdNumber),
                            p.OccurredOn,
                            p.EnrolmentsEnded,
                            EnrolmentsReassessed = p.EnrolmentsReassessed.Select(x => new { x.EnrolmentId, x.AmountBefore, x.AmountAfter, EffectiveMonth = Month(x.EffectiveMonth) }),
                            p.OverpaymentsRaised,
                        },
                        "R-33 (S0 二): applied in the month it happened.");
                    break;
                case OverpaymentRaised o:
                    yield return new AuditEntry(
                        OverpaymentEntity, o.OverpaymentId.ToString(), "Raised", o.Region, null,
                        new
                        {
                            o.EnrolmentId,
                            o.HouseholdId,
                            o.MemberId,
                            IdNumber = NationalId.Mask(o.IdNumber),
                            o.LifeEventId,
                            Months = o.Months.Select(m => new { Month = Month(m.Month), m.Paid, m.Due, m.Amount }),
                            o.Amount,
                            Status = OverpaymentStatus.Open,
                        },
                        o.Reason);
                    break;
                case OverpaymentStatusChanged o:
                    yield return new AuditEntry(
                        OverpaymentEntity, o.OverpaymentId.ToString(), o.StatusAfter.ToString(), o.Region, new { Status = o.StatusBefore }, new { Status = o.StatusAfter, ResolvedOn = o.OnDate }, o.Note);
                    break;
                case ReassessmentTaskOpened t:
                    yield return new AuditEntry(
                        ReassessmentTaskEntity, t.TaskId.ToString(), "Opened", t.Region, null,
                        new { t.HouseholdId, t.MemberId, t.LifeEventId, t.Trigger, t.Instruction, Status = ReassessmentTaskStatus.Open }, "R-33");
                    break;
                case ReassessmentTaskCompleted t:
                    yield return new AuditEntry(
                        ReassessmentTaskEntity, t.TaskId.ToString(), "Completed", t.Region, new { Status = ReassessmentTaskStatus.Open },
                        new
                        {
                            Status = ReassessmentTaskStatus.Completed,
                            CompletedOn = t.OnDate,
                            Reassessed = t.Reassessed.Select(x => new { x.EnrolmentId, x.AmountBefore, x.AmountAfter, EffectiveMonth = Month(x.EffectiveMonth) }),
                        },
                        t.Note);
                    break;
                default:
                    break;
            }
        }
    }

    private static AuditEntry ApplicationEntry(ApplicationDomainEvent e) => e switch
    {
        ApplicationSubmitted s => new AuditEntry(
            ApplicationEntity, s.ApplicationId.ToString(), s.Action, s.Region, null,
            new { Status = s.StatusAfter, s.Programme, s.Channel, s.HouseholdId, s.ConflictOfInterestFlagged }, s.Reason),
        ApplicationConflictOfInterestFlagged c => new AuditEntry(
            ApplicationEntity, c.ApplicationId.ToString(), c.Action, c.Region, null,
            new { Matches = c.Matches.Select(m => new { m.RelativeId, m.StaffRole, m.Relationship }) }, c.Reason),
        ApplicationSelectedForRandomCheck r => new AuditEntry(
            ApplicationEntity, r.ApplicationId.ToString(), r.Action, r.Region, null, new { RandomCheckSelected = true }, r.Reason),
        ApplicationEnrolled n => new AuditEntry(
            ApplicationEntity, n.ApplicationId.ToString(), n.Action, n.Region, new { Status = n.StatusBefore },
            new { Status = n.StatusAfter, EnrolmentId = n.EnrolmentIds.Count > 0 ? n.EnrolmentIds[0] : Guid.Empty }, $"Enrolment {string.Join(", ", n.EnrolmentIds)} created."),
        _ => new AuditEntry(
            ApplicationEntity, e.ApplicationId.ToString(), e.Action, e.Region, new { Status = e.StatusBefore }, new { Status = e.StatusAfter }, e.Reason),
    };

    private static IEnumerable<AuditEntry> DecisionEntries(ApplicationDecided d)
    {
        var id = d.ApplicationId.ToString();
        if (d.Assessment is not { } assessment)
        {
            yield return new AuditEntry(
                ApplicationEntity, id, d.Action, d.Region, new { Status = d.StatusBefore }, new { Status = d.StatusAfter, d.Decision }, d.Reason);
            yield break;
        }

        yield return new AuditEntry(
            ApplicationEntity, id, d.Action, d.Region, new { Status = d.StatusBefore },
            new
            {
                Status = d.StatusAfter,
                d.Decision,
                Assessment = assessment.IsUnavailable ? "unavailable" : assessment.Outcome.ToString(),
                assessment.MonthlyAmount,
            },
            d.Reason);
        if (assessment.IsUnavailable)
        {
            yield return new AuditEntry(ApplicationEntity, id, "AssessmentUnavailable", d.Region, null, null, AssessmentUnavailableReason);
        }
    }

    private static AuditEntry CareAgreementCreatedEntry(CareAgreementCreated c)
    {
        var a = c.Agreement;
        return new AuditEntry(
            CareAgreementEntity, a.Id.ToString(), "Created", a.Region, null,
            new { a.Id, RegionCode = a.Region.Value, a.EnrolmentId, a.CarerName, a.CarerPhone, a.Duties, a.VisitFrequencyDays, a.StartsOn, a.LastVisitOn, a.Version },
            c.Reason);
    }
    // The event's own facts (money as yuan, no region objects), so the audit row reads like the case.
    private static object TemporaryAssistanceDetails(Domain.TemporaryAssistance.TemporaryAssistanceEvent e) => e switch
    {
        Domain.TemporaryAssistance.TemporaryAssistanceCaseOpened o =>
            new { o.Type, AmountRequested = o.AmountRequested.Yuan, o.Months, o.Tier, o.UnemployedMigrantGrant },
        Domain.TemporaryAssistance.TemporaryAssistanceCaseDecided d => new { d.Tier, d.MeetingReference },
        Domain.TemporaryAssistance.TemporaryAssistanceCasePaid p => new { Amount = p.Amount.Yuan, p.FirstAid, p.PaperworkDueOn },
        Domain.TemporaryAssistance.TemporaryAssistancePaperworkRecorded w => new { w.Tier, w.MeetingReference, w.Late },
        _ => new { },
    };
    private static string Month(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
