namespace Assistance.Application.LifeEvents;

using Assistance.Application.Abstractions;
using Assistance.Application.Enrolments;
using Assistance.Application.Households;
using Assistance.Application.Overpayments;
using Assistance.Application.Reassessments;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Households;
using Assistance.Domain.LifeEvents;
using Assistance.Domain.Overpayments;
using Assistance.Domain.Reassessments;

/// <summary>
/// Applies a life event to its matched household in the command's transaction (R-33; S0 二):
/// <list type="bullet">
/// <item>Death or Imprisonment: the member stops being counted (<see cref="DeathOrImprisonmentStopsCounting"/>, through
/// the Household aggregate); each active enrolment covering them ends as of the event date when nobody it covers is still
/// counted (<see cref="EnrolmentEndsWhenNobodyCoveredIsCounted"/>), otherwise the rest of the household is reassessed from
/// the month after; what was already paid for months after the event month beyond what was due becomes an overpayment
/// (<see cref="PaymentsAfterTheEventMonthAreRecovered"/>).</item>
/// <item>Any other event opens a reassessment task (<see cref="LifeEventsNeedingReassessment"/>): no amount changes until it is completed.</item>
/// </list>
/// </summary>
public sealed class CountingStopEffects(
    IHouseholdRepository households,
    IEnrolmentRepository enrolments,
    IOverpaymentRepository overpayments,
    IReassessmentTaskRepository tasks,
    IPaidMonths paidMonths,
    HouseholdReassessment reassessment,
    TimeProvider clock)
{
    public async Task<LifeEventEffectsDto> ApplyAsync(RegionScope scope, LifeEvent lifeEvent, Household household, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lifeEvent);
        ArgumentNullException.ThrowIfNull(household);
        var memberId = lifeEvent.MemberId ?? throw new InvalidOperationException("A matched event names its member.");
        if (DeathOrImprisonmentStopsCounting.StatusAfter(lifeEvent.Type) is not { } statusAfter)
        {
            var task = await OpenTaskAsync(scope, lifeEvent, household, LifeEventsNeedingReassessment.Instruction(lifeEvent.Type)!, today, cancellationToken).ConfigureAwait(false);
            return LifeEventEffectsDto.None with { ReassessmentTaskId = task.Id };
        }

        if (household.ChangeMemberStatus(memberId, statusAfter) != statusAfter)
        {
            await households.UpdateAsync(scope, household, HouseholdRegistration.Now(clock), cancellationToken).ConfigureAwait(false);
        }

        var counted = household.Members.Where(m => m.Details.Status == MemberStatus.Present).Select(m => m.Id).ToHashSet();
        var affected = (await enrolments.ListAsync(scope, null, null, household.Id, null, Common.Cursor.MaxLimit, cancellationToken).ConfigureAwait(false))
            .Where(e => e.IsActive && e.Covered.Any(c => c.MemberId == memberId))
            .ToList();
        var reason = $"{DeathOrImprisonmentStopsCounting.Rule} ({DeathOrImprisonmentStopsCounting.Source}): {lifeEvent.Type} on {lifeEvent.OccurredOn:yyyy-MM-dd} reported by {lifeEvent.Agency} (event {lifeEvent.ExternalId}).";
        var effectiveMonth = EnrolmentEndsWhenNobodyCoveredIsCounted.EffectiveMonth(lifeEvent.OccurredOn);

        // What was paid is read before anything changes the enrolments (the derivation reads their current amount).
        var loaded = new List<(Enrolment Enrolment, long Version, IReadOnlyList<PaidMonth> Paid, IReadOnlyDictionary<DateOnly, decimal> Claimed)>();
        foreach (var e in affected)
        {
            var paid = await paidMonths.PaidAsync(scope, e, today, cancellationToken).ConfigureAwait(false);
            var claimed = await overpayments.ClaimedMonthsAsync(scope, e.Id, cancellationToken).ConfigureAwait(false);
            loaded.Add((e, e.Version, paid, claimed));
        }

        var ending = loaded.Where(x => EnrolmentEndsWhenNobodyCoveredIsCounted.Ends(x.Enrolment.Covered.Select(c => c.MemberId), counted.Contains)).ToList();
        foreach (var x in ending)
        {
            x.Enrolment.End(today, reason, lifeEvent.OccurredOn);
        }

        var continuing = loaded.Except(ending).Select(x => x.Enrolment).ToList();
        if (lifeEvent.Type == LifeEventType.Death)
        {
            // The dead person is no longer covered by what continues; an imprisoned one stays covered (not
            // counted) because a release makes them countable again on the same enrolment.
            foreach (var e in continuing)
            {
                e.StopCovering(memberId, lifeEvent.OccurredOn, today, reason);
            }
        }

        var outcome = await reassessment.ReassessAsync(scope, household.Id, continuing, effectiveMonth, today, reason, cancellationToken).ConfigureAwait(false);

        var raised = new List<Guid>();
        foreach (var (enrolment, version, paid, claimed) in loaded)
        {
            Func<DateOnly, decimal> due = ending.Any(x => x.Enrolment == enrolment)
                ? _ => 0m
                : outcome.NeedingReview.Contains(enrolment.Id)
                    ? month => paid.First(p => p.Month == month).Amount // unchanged until a review decides: nothing to recover yet
                    : _ => enrolment.MonthlyAmount;
            var months = PaymentsAfterTheEventMonthAreRecovered.Months(paid.Select(p => (p.Month, p.Amount)).ToList(), claimed, lifeEvent.EventMonth, due);
            if (months.Count > 0)
            {
                var overpayment = Overpayment.Raise(
                    Guid.CreateVersion7(), enrolment.Region, enrolment.Id, enrolment.HouseholdId, memberId, lifeEvent.IdNumber, lifeEvent.Id, months, reason, today);
                await overpayments.AddAsync(scope, overpayment, cancellationToken).ConfigureAwait(false);
                raised.Add(overpayment.Id);
            }

            await enrolments.SaveAsync(scope, enrolment, version, cancellationToken).ConfigureAwait(false);
        }

        Guid? taskId = null;
        if (outcome.NeedingReview.Count > 0)
        {
            var task = await OpenTaskAsync(
                scope, lifeEvent, household,
                "The engine no longer grants these enrolments after the event; they are unchanged until a review decides (R-30): " + string.Join(", ", outcome.NeedingReview) + ".",
                today, cancellationToken).ConfigureAwait(false);
            taskId = task.Id;
        }

        var ended = ending.Select(x => x.Enrolment.Id).ToList();
        lifeEvent.RecordCountingStopped(today, ended, outcome.Changed, raised);
        return new LifeEventEffectsDto(statusAfter, ended, outcome.Changed.Select(ReassessedEnrolmentDto.From).ToList(), raised, taskId);
    }

    private async Task<ReassessmentTask> OpenTaskAsync(
        RegionScope scope, LifeEvent lifeEvent, Household household, string instruction, DateOnly today, CancellationToken cancellationToken)
    {
        var task = ReassessmentTask.Open(Guid.CreateVersion7(), household.Region, household.Id, lifeEvent.MemberId, lifeEvent.Id, lifeEvent.Type, instruction, today);
        await tasks.AddAsync(scope, task, cancellationToken).ConfigureAwait(false);
        return task;
    }
}
