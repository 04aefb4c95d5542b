namespace Assistance.Application.Reassessments.CompleteReassessmentTask;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Enrolments;
using Assistance.Application.Households;
using Assistance.Application.LifeEvents;
using Assistance.Domain.Households;
using Assistance.Domain.LifeEvents;

/// <summary>
/// a completed task reassesses the household as the register now stands (the caseworker has recorded the new member,
/// the certificate, the job …). A release makes the member Present (counted) again first. Every active enrolment of the
/// household gets the amount the engine gives it, from the month after completion; one the engine no longer grants is
/// left unchanged and named for a review. The life event that opened the task becomes Processed.
/// </summary>
public sealed class CompleteReassessmentTaskHandler(
    IReassessmentTaskRepository tasks,
    IHouseholdRepository households,
    IEnrolmentRepository enrolments,
    ILifeEventRepository lifeEvents,
    HouseholdReassessment reassessment,
    ICurrentUser user,
    TimeProvider clock) : ICommandHandler<CompleteReassessmentTaskCommand, ReassessmentTaskDto>
{
    public async Task<ReassessmentTaskDto> Handle(CompleteReassessmentTaskCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope;
        var task = VersionedLoad.Require(
            await tasks.GetAsync(scope, request.Id, cancellationToken).ConfigureAwait(false), "ReassessmentTask", request.Id, request.ExpectedVersion, t => t.Version);
        var taskVersion = task.Version;
        var today = clock.Today();
        var household = await households.GetForUpdateAsync(scope, task.HouseholdId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Household", task.HouseholdId.ToString());

        if (task.Trigger == LifeEventType.Release && task.MemberId is { } memberId && household.FindMember(memberId) is { Details.Status: MemberStatus.Imprisoned })
        {
            household.ChangeMemberStatus(memberId, MemberStatus.Present);
            await households.UpdateAsync(scope, household, HouseholdRegistration.Now(clock), cancellationToken).ConfigureAwait(false);
        }

        var active = (await enrolments.ListAsync(scope, null, null, household.Id, null, Cursor.MaxLimit, cancellationToken).ConfigureAwait(false))
            .Where(e => e.IsActive).ToList();
        var versions = active.ToDictionary(e => e.Id, e => e.Version);
        var effectiveMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var reason = $"R-33 (S0 二): reassessment after {task.Trigger} (task {task.Id}): {request.Note}";
        var outcome = await reassessment.ReassessAsync(scope, household.Id, active, effectiveMonth, today, reason, cancellationToken).ConfigureAwait(false);
        foreach (var e in active.Where(e => outcome.Changed.Any(c => c.EnrolmentId == e.Id)))
        {
            await enrolments.SaveAsync(scope, e, versions[e.Id], cancellationToken).ConfigureAwait(false);
        }

        task.Complete(today, request.Note, outcome.Changed, outcome.NeedingReview);
        await tasks.SaveAsync(scope, task, taskVersion, cancellationToken).ConfigureAwait(false);

        if (task.LifeEventId is { } eventId && await lifeEvents.GetAsync(scope, eventId, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            stored.Event.MarkProcessed(today, $"Reassessment task {task.Id} completed.");
            await lifeEvents.SaveAsync(scope, stored.Event, null, null, cancellationToken).ConfigureAwait(false);
        }

        return ReassessmentTaskDto.From(task);
    }
}
