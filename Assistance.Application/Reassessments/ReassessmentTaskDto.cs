namespace Assistance.Application.Reassessments;

using System.ComponentModel.DataAnnotations;
using Assistance.Domain.LifeEvents;
using Assistance.Domain.Reassessments;

/// <summary>A caseworker's reassessment task after a life event .</summary>
/// <param name="Id">Task id.</param>
/// <param name="RegionCode">The household's region.</param>
/// <param name="HouseholdId">The household to reassess.</param>
/// <param name="MemberId">The member the event is about.</param>
/// <param name="LifeEventId">The life event that opened it.</param>
/// <param name="Trigger">The kind of event.</param>
/// <param name="Instruction">What to do before completing.</param>
/// <param name="Status">Open or Completed.</param>
/// <param name="OpenedOn">When it was opened.</param>
/// <param name="CompletedOn">When it was completed.</param>
/// <param name="CompletionNote">The caseworker's note.</param>
/// <param name="Reassessed">Enrolments whose amount the completion changed.</param>
/// <param name="NeedingReview">Enrolments the engine no longer grants, left unchanged for a review.</param>
/// <param name="Version">Version (ETag).</param>
public sealed record ReassessmentTaskDto(
    Guid Id,
    [property: MaxLength(12)] string RegionCode,
    Guid HouseholdId,
    Guid? MemberId,
    Guid? LifeEventId,
    LifeEventType Trigger,
    [property: MaxLength(2000)] string Instruction,
    ReassessmentTaskStatus Status,
    DateOnly OpenedOn,
    DateOnly? CompletedOn,
    [property: MaxLength(2000)] string? CompletionNote,
    [property: MaxLength(50)] IReadOnlyList<LifeEvents.ReassessedEnrolmentDto> Reassessed,
    [property: MaxLength(50)] IReadOnlyList<Guid> NeedingReview,
    [property: Range(0, long.MaxValue)] long Version)
{
    public static ReassessmentTaskDto From(ReassessmentTask t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id, t.Region.Value, t.HouseholdId, t.MemberId, t.LifeEventId, t.Trigger, t.Instruction, t.Status, t.OpenedOn, t.CompletedOn, t.CompletionNote,
            t.Reassessed.Select(LifeEvents.ReassessedEnrolmentDto.From).ToList(), t.NeedingReview, t.Version);
    }
}
