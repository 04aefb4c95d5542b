namespace Assistance.Domain.LifeEvents;

using Assistance.Domain.Common;
using Assistance.Domain.Households;

/// <summary>R-33: an event reports something that happened; a date after today is a reporting error.</summary>
public sealed class LifeEventIsNotInTheFuture(DateOnly occurredOn, DateOnly today) : IBusinessRule
{
    public string Code => "life-event.in-the-future";

    public string Message => $"The event is dated {occurredOn:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}): only events that happened are reported.";

    public string Source => "R-33";

    public bool IsBroken() => occurredOn > today;
}

/// <summary>R-33; S0 二 (家庭新增人口): a birth names the new person, whom the reassessment adds to the household.</summary>
public sealed class BirthEventNamesTheNewPerson(LifeEventType type, NewPerson? newPerson) : IBusinessRule
{
    public string Code => "life-event.new-person-missing";

    public string Message => "A Birth event names the new person (newPerson: name and birth date); idNumber is a registered member of the household, e.g. a parent.";

    public string Source => "R-33; S0 二";

    public bool IsBroken() => type == LifeEventType.Birth && newPerson is null;
}

/// <summary>R-33: only an event matched to a household has effects to apply.</summary>
public sealed class OnlyMatchedEventsAreProcessed(LifeEventStatus status) : IBusinessRule
{
    public string Code => "life-event.unmatched";

    public string Message => "The event is not matched to a household in your region: it has no effect to apply.";

    public string Source => "R-33";

    public bool IsBroken() => status == LifeEventStatus.Unmatched;
}

/// <summary>
/// R-33; S0 二 ("对于救助对象死亡的以及人员服刑的…当月动态调整"); R-01 (N-57 Art.7: only present members are counted): a death
/// or an imprisonment changes the member's status from the month it happened, so the engine no longer counts them.
/// </summary>
public static class DeathOrImprisonmentStopsCounting
{
    public const string Rule = "R-33";
    public const string Source = "S0 二; R-01 N-57 Art.7";

    /// <summary>The member status the event leads to, or null when the event does not change counting by itself.</summary>
    public static MemberStatus? StatusAfter(LifeEventType type) => type switch
    {
        LifeEventType.Death => MemberStatus.Deceased,
        LifeEventType.Imprisonment => MemberStatus.Imprisoned,
        _ => null,
    };
}

/// <summary>
/// R-33; S0 二 ("按程序终止各项救助"): an enrolment ends when none of the persons it covers is counted any more — a sole
/// member's household enrolment, or a tekun person's own enrolment. Otherwise the rest of the household is reassessed
/// from the month after the event (<see cref="EffectiveMonth"/>).
/// </summary>
public static class EnrolmentEndsWhenNobodyCoveredIsCounted
{
    public const string Rule = "R-33";
    public const string Source = "S0 二; N-43 (特困人员死亡的终止供养)";

    public static bool Ends(IEnumerable<Guid> coveredMemberIds, Func<Guid, bool> isCounted)
    {
        ArgumentNullException.ThrowIfNull(coveredMemberIds);
        ArgumentNullException.ThrowIfNull(isCounted);
        return !coveredMemberIds.Any(isCounted);
    }

    /// <summary>The first month paid at the reassessed amount: the month after the event (the event's own month was due in full).</summary>
    public static DateOnly EffectiveMonth(DateOnly occurredOn) => new DateOnly(occurredOn.Year, occurredOn.Month, 1).AddMonths(1);
}
