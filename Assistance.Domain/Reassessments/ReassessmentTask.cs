namespace Assistance.Domain.Reassessments;

using Assistance.Domain.Common;
using Assistance.Domain.LifeEvents;
using Assistance.Domain.Regions;

public enum ReassessmentTaskStatus
{
    Open,
    Completed,
}

/// <summary>
/// 重新核定任务: a caseworker's task to bring a household's register up to date after a life event and reassess it
/// (R-33; S0 二: a birth is increased "及时动态调增" after checking). Nothing is paid differently until it is completed;
/// completing it reassesses the household through the engine and changes the amount from the following month.
/// </summary>
public sealed class ReassessmentTask : IHasDomainEvents
{
    private readonly List<IDomainEvent> domainEvents = [];

    private ReassessmentTask(ReassessmentTaskState s)
    {
        Id = s.Id;
        Region = RegionCode.Parse(s.RegionCode);
        HouseholdId = s.HouseholdId;
        MemberId = s.MemberId;
        LifeEventId = s.LifeEventId;
        Trigger = s.Trigger;
        Instruction = s.Instruction;
        Status = s.Status;
        OpenedOn = s.OpenedOn;
        CompletedOn = s.CompletedOn;
        CompletionNote = s.CompletionNote;
        Reassessed = [.. s.Reassessed ?? []];
        NeedingReview = [.. s.NeedingReview ?? []];
        Version = s.Version;
    }

    public Guid Id { get; }

    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    public RegionCode Region { get; }

    public Guid HouseholdId { get; }

    public Guid? MemberId { get; }

    public Guid? LifeEventId { get; }

    /// <summary>The kind of life event that opened the task.</summary>
    public LifeEventType Trigger { get; }

    /// <summary>What the caseworker is asked to do before completing.</summary>
    public string Instruction { get; }

    public ReassessmentTaskStatus Status { get; private set; }

    public DateOnly OpenedOn { get; }

    public DateOnly? CompletedOn { get; private set; }

    public string? CompletionNote { get; private set; }

    /// <summary>Enrolments whose amount the completion changed.</summary>
    public IReadOnlyList<ReassessedEnrolment> Reassessed { get; private set; }

    /// <summary>Enrolments the engine no longer grants: left unchanged, for a review to decide.</summary>
    public IReadOnlyList<Guid> NeedingReview { get; private set; }

    public long Version { get; private set; }

    public static ReassessmentTask Open(
        Guid id, RegionCode region, Guid householdId, Guid? memberId, Guid? lifeEventId, LifeEventType trigger, string instruction, DateOnly today)
    {
        var t = new ReassessmentTask(new ReassessmentTaskState
        {
            Id = id,
            RegionCode = region.Value,
            HouseholdId = householdId,
            MemberId = memberId,
            LifeEventId = lifeEventId,
            Trigger = trigger,
            Instruction = instruction,
            Status = ReassessmentTaskStatus.Open,
            OpenedOn = today,
        });
        t.domainEvents.Add(new ReassessmentTaskOpened(t.Id, t.Region, householdId, memberId, lifeEventId, trigger, instruction, today));
        return t;
    }

    public static ReassessmentTask Restore(ReassessmentTaskState state) => new(state ?? throw new ArgumentNullException(nameof(state)));

    public void Complete(DateOnly today, string note, IReadOnlyList<ReassessedEnrolment> reassessed, IReadOnlyList<Guid> needingReview)
    {
        BusinessRules.Check(new ReassessmentTaskIsCompletedOnce(Status));
        Status = ReassessmentTaskStatus.Completed;
        CompletedOn = today;
        CompletionNote = note;
        Reassessed = [.. reassessed];
        NeedingReview = [.. needingReview];
        domainEvents.Add(new ReassessmentTaskCompleted(Id, Region, HouseholdId, MemberId, LifeEventId, Trigger, today, note, reassessed));
    }

    public void ClearDomainEvents() => domainEvents.Clear();

    public void SetVersion(long version) => Version = version;
}

public sealed class ReassessmentTaskState
{
    public Guid Id { get; init; }

    public string RegionCode { get; init; } = string.Empty;

    public Guid HouseholdId { get; init; }

    public Guid? MemberId { get; init; }

    public Guid? LifeEventId { get; init; }

    public LifeEventType Trigger { get; init; }

    public string Instruction { get; init; } = string.Empty;

    public ReassessmentTaskStatus Status { get; init; }

    public DateOnly OpenedOn { get; init; }

    public DateOnly? CompletedOn { get; init; }

    public string? CompletionNote { get; init; }

    public IReadOnlyList<ReassessedEnrolment>? Reassessed { get; init; }

    public IReadOnlyList<Guid>? NeedingReview { get; init; }

    public long Version { get; init; }
}

/// <summary>A reassessment task was opened .</summary>
public sealed record ReassessmentTaskOpened(
    Guid TaskId, RegionCode Region, Guid HouseholdId, Guid? MemberId, Guid? LifeEventId, LifeEventType Trigger, string Instruction, DateOnly OnDate) : IDomainEvent;

/// <summary>A reassessment task was completed, with the enrolments whose amount changed.</summary>
public sealed record ReassessmentTaskCompleted(
    Guid TaskId, RegionCode Region, Guid HouseholdId, Guid? MemberId, Guid? LifeEventId, LifeEventType Trigger, DateOnly OnDate, string Note,
    IReadOnlyList<ReassessedEnrolment> Reassessed) : IDomainEvent;

/// <summary>R-33: a task is completed once.</summary>
public sealed class ReassessmentTaskIsCompletedOnce(ReassessmentTaskStatus status) : IBusinessRule
{
    public string Code => "reassessment-task.completed";

    public string Message => "The reassessment task is already completed.";

    public string Source => "R-33";

    public bool IsBroken() => status == ReassessmentTaskStatus.Completed;
}

/// <summary>
/// R-33; S0 二: which events open a reassessment task, and what the caseworker does before completing it. A death or
/// imprisonment is applied at once and opens none; every other matched event waits for the caseworker, so no amount
/// changes until the household is reassessed.
/// </summary>
public static class LifeEventsNeedingReassessment
{
    public const string Rule = "R-33";
    public const string Source = "S0 二 (家庭新增人口…及时动态调增; 动态常核)";

    public static string? Instruction(LifeEventType type) => type switch
    {
        LifeEventType.Birth => "Add the new person to the household register (POST /households/{id}/members), then complete: the household is reassessed and the increase paid from the following month.",
        LifeEventType.Release => "Completing makes the released member Present (counted) again and reassesses the household from the following month; a tekun enrolment ended by the imprisonment is not revived (apply again).",
        LifeEventType.DisabilityCertified => "Record the certificate's category and grade on the member, then complete: the household is reassessed (qualifying disability, severe condition, class).",
        LifeEventType.Employment => "Record the employment and wage on the member, then complete: the household is reassessed (counted income, employment-cost deduction, stability); an exit goes through a review (gradual exit).",
        LifeEventType.Unemployment => "Clear the employment and wage on the member, then complete: the household is reassessed from the following month.",
        LifeEventType.HukouTransfer => "Check where the household now lives: transfer the case to the new region or update the household, then complete to reassess.",
        _ => null,
    };
}
