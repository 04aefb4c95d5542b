namespace Assistance.Application.Events;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;
using Assistance.Domain.Common;

/// <summary>
/// Turns domain events into audit rows. A workflow step's row shows the status before the command and after it, with
/// the command as details; the rows keep the shape they had when handlers wrote them by hand.
/// </summary>
public sealed class AuditTrailSink(IAuditLog audit) : IDomainEventSink
{
    private const string ApplicationEntity = "Application";

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
                default:
                    // Decisions, enrolment links and random-check draws are still audited by their handlers, whose rows
                    // carry what the aggregate does not know (the assessment, the draw's wording).
                    break;
            }
        }
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
}
