namespace Assistance.Domain.LifeEvents;

using Assistance.Domain.Common;
using Assistance.Domain.Regions;

/// <summary>What a partner agency reports about a person (R-33; domain.md §5).</summary>
public enum LifeEventType
{
    /// <summary>死亡, from civil affairs / public security / health.</summary>
    Death,

    /// <summary>服刑, from the courts or prisons.</summary>
    Imprisonment,

    /// <summary>刑满释放.</summary>
    Release,

    /// <summary>出生 (a new member of a registered household).</summary>
    Birth,

    /// <summary>残疾认定 (disability certificate issued or regraded).</summary>
    DisabilityCertified,

    /// <summary>就业.</summary>
    Employment,

    /// <summary>失业.</summary>
    Unemployment,

    /// <summary>户籍迁移.</summary>
    HukouTransfer,
}

/// <summary>
/// Where an event stands. <see cref="Unmatched"/>: no household in the reporting caller's region holds the ID number
/// (kept, listable, never lost). <see cref="Matched"/>: matched to a household, and a reassessment task decides its
/// effect. <see cref="Processed"/>: its effects are applied (a death or imprisonment at once; other events when their
/// reassessment task is completed).
/// </summary>
public enum LifeEventStatus
{
    Matched,
    Unmatched,
    Processed,
}

/// <summary>For a birth: the new person, as the partner reports them (added to the register by the caseworker).</summary>
public sealed record NewPerson(string? IdNumber, string Name, DateOnly BirthDate);

/// <summary>
/// 信息共享 (S0 二): a life event reported by a partner agency, stored once per (agency, the agency's own event id).
/// The event is matched to the household holding the ID number in the reporting caller's region, or kept unmatched in
/// the caller's own region.
/// </summary>
public sealed class LifeEvent : IHasDomainEvents
{
    private readonly List<IDomainEvent> domainEvents = [];

    private LifeEvent(LifeEventState s)
    {
        Id = s.Id;
        Region = RegionCode.Parse(s.RegionCode);
        Agency = s.Agency;
        ExternalId = s.ExternalId;
        Type = s.Type;
        IdNumber = s.IdNumber;
        OccurredOn = s.OccurredOn;
        ReceivedOn = s.ReceivedOn;
        Status = s.Status;
        HouseholdId = s.HouseholdId;
        MemberId = s.MemberId;
        NewPerson = s.NewPerson;
        Note = s.Note;
        Version = s.Version;
    }

    public Guid Id { get; }

    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    /// <summary>The matched household's region; for an unmatched event, the reporting caller's region.</summary>
    public RegionCode Region { get; }

    public string Agency { get; }

    /// <summary>The partner's own id of the event: the idempotency key together with <see cref="Agency"/>.</summary>
    public string ExternalId { get; }

    public LifeEventType Type { get; }

    public string IdNumber { get; }

    public DateOnly OccurredOn { get; }

    public DateOnly ReceivedOn { get; }

    public LifeEventStatus Status { get; private set; }

    public Guid? HouseholdId { get; }

    public Guid? MemberId { get; }

    public NewPerson? NewPerson { get; }

    public string? Note { get; }

    public long Version { get; private set; }

    /// <summary>The month the event happened, whose effects start there (S0 二: 当月动态调整).</summary>
    public DateOnly EventMonth => new(OccurredOn.Year, OccurredOn.Month, 1);

    /// <summary>Records a received event, matched (household and member known) or not.</summary>
    public static LifeEvent Receive(
        Guid id, RegionCode region, string agency, string externalId, LifeEventType type, string idNumber, DateOnly occurredOn, DateOnly today,
        Guid? householdId, Guid? memberId, NewPerson? newPerson, string? note)
    {
        BusinessRules.Check(new LifeEventIsNotInTheFuture(occurredOn, today));
        BusinessRules.Check(new BirthEventNamesTheNewPerson(type, newPerson));
        var e = new LifeEvent(new LifeEventState
        {
            Id = id,
            RegionCode = region.Value,
            Agency = agency,
            ExternalId = externalId,
            Type = type,
            IdNumber = idNumber,
            OccurredOn = occurredOn,
            ReceivedOn = today,
            Status = householdId is null ? LifeEventStatus.Unmatched : LifeEventStatus.Matched,
            HouseholdId = householdId,
            MemberId = memberId,
            NewPerson = newPerson,
            Note = note,
        });
        e.domainEvents.Add(new LifeEventReceived(e.Id, e.Region, e.Agency, e.ExternalId, e.Type, e.IdNumber, e.OccurredOn, today, e.Status, householdId, memberId));
        return e;
    }

    public static LifeEvent Restore(LifeEventState state) => new(state ?? throw new ArgumentNullException(nameof(state)));

    /// <summary>The event's effects are applied (in the same transaction as the effects themselves).</summary>
    public void MarkProcessed(DateOnly today, string how)
    {
        if (Status == LifeEventStatus.Processed)
        {
            return;
        }

        BusinessRules.Check(new OnlyMatchedEventsAreProcessed(Status));
        var before = Status;
        Status = LifeEventStatus.Processed;
        domainEvents.Add(new LifeEventStatusChanged(Id, Region, Type, before, Status, today, how));
    }

    /// <summary>
    /// a death or imprisonment was applied — the person stopped being counted, these enrolments ended or were
    /// reassessed, these overpayments raised. Raises <see cref="PersonDeceasedProcessed"/> or <see cref="PersonImprisonedProcessed"/>.
    /// </summary>
    public void RecordCountingStopped(DateOnly today, IReadOnlyList<Guid> ended, IReadOnlyList<ReassessedEnrolment> reassessed, IReadOnlyList<Guid> overpayments)
    {
        BusinessRules.Check(new OnlyMatchedEventsAreProcessed(Status));
        var household = HouseholdId ?? throw new InvalidOperationException("A matched event has a household.");
        var member = MemberId ?? throw new InvalidOperationException("A matched event has a member.");
        domainEvents.Add(Type switch
        {
            LifeEventType.Death => new PersonDeceasedProcessed(Id, Region, household, member, IdNumber, OccurredOn, today, ended, reassessed, overpayments),
            LifeEventType.Imprisonment => new PersonImprisonedProcessed(Id, Region, household, member, IdNumber, OccurredOn, today, ended, reassessed, overpayments),
            _ => throw new InvalidOperationException($"A {Type} event does not stop counting by itself."),
        });
        MarkProcessed(today, $"{DeathOrImprisonmentStopsCounting.Rule} ({DeathOrImprisonmentStopsCounting.Source}): applied in the month it happened.");
    }

    public void ClearDomainEvents() => domainEvents.Clear();

    public void SetVersion(long version) => Version = version;

    public LifeEventState ToState() => new()
    {
        Id = Id,
        RegionCode = Region.Value,
        Agency = Agency,
        ExternalId = ExternalId,
        Type = Type,
        IdNumber = IdNumber,
        OccurredOn = OccurredOn,
        ReceivedOn = ReceivedOn,
        Status = Status,
        HouseholdId = HouseholdId,
        MemberId = MemberId,
        NewPerson = NewPerson,
        Note = Note,
        Version = Version,
    };
}

public sealed class LifeEventState
{
    public Guid Id { get; init; }

    public string RegionCode { get; init; } = string.Empty;

    public string Agency { get; init; } = string.Empty;

    public string ExternalId { get; init; } = string.Empty;

    public LifeEventType Type { get; init; }

    public string IdNumber { get; init; } = string.Empty;

    public DateOnly OccurredOn { get; init; }

    public DateOnly ReceivedOn { get; init; }

    public LifeEventStatus Status { get; init; }

    public Guid? HouseholdId { get; init; }

    public Guid? MemberId { get; init; }

    public NewPerson? NewPerson { get; init; }

    public string? Note { get; init; }

    public long Version { get; init; }
}
