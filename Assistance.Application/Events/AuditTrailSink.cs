namespace Assistance.Application.Events;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Households;

/// <summary>
/// Turns domain events into audit rows. A workflow step's row shows the status before the command and after it, with
/// the command as details; the rows keep the shape they had when handlers wrote them by hand.
/// </summary>
public sealed class AuditTrailSink(IAuditLog audit) : IDomainEventSink
{
    private const string ApplicationEntity = "Application";
    private const string EnrolmentEntity = "Enrolment";

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
                case ApplicationSubmitted s:
                    yield return new AuditEntry(
                        ApplicationEntity, s.ApplicationId.ToString(), s.Action, s.Region, null,
                        new { Status = s.StatusAfter, s.Programme, s.Channel, s.HouseholdId, s.ConflictOfInterestFlagged }, s.Reason);
                    break;
                case ApplicationConflictOfInterestFlagged c:
                    yield return new AuditEntry(
                        ApplicationEntity, c.ApplicationId.ToString(), c.Action, c.Region, null,
                        new { Matches = c.Matches.Select(m => new { m.RelativeId, m.StaffRole, m.Relationship }) }, c.Reason);
                    break;
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
                case EnrolmentAmountChanged a:
                    yield return new AuditEntry(
                        EnrolmentEntity, a.EnrolmentId.ToString(), a.Action, a.Region, new { MonthlyAmount = a.AmountBefore },
                        new { MonthlyAmount = a.AmountAfter, EffectiveMonth = a.EffectiveMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) }, a.Reason);
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
                default:
                    // Decisions, enrolment links and random-check draws are still audited by their handlers, whose rows
                    // carry what the aggregate does not know (the assessment, the draw's wording).
                    break;
            }
        }
    }
}
