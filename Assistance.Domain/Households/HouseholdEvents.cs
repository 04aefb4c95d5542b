namespace Assistance.Domain.Households;

using Assistance.Domain.Common;

/// <summary>What was done to a household (the audit trail names it by <see cref="HouseholdEvent.Action"/>).</summary>
public enum HouseholdChange
{
    Registered,
    Replaced,
    MemberAdded,
    MemberUpdated,
    MemberRemoved,
}

/// <summary>
/// A change to the household register (domain.md §1, R-22), raised once the change is stored: the household before
/// the change (null for a new one) and as stored after it.
/// </summary>
public abstract record HouseholdEvent(HouseholdState? Before, HouseholdState After) : IDomainEvent
{
    /// <summary>The audit trail's name for the change.</summary>
    public abstract string Action { get; }

    internal static HouseholdEvent Of(HouseholdChange change, HouseholdState? before, HouseholdState after, Guid? memberId) => change switch
    {
        HouseholdChange.Registered => new HouseholdRegistered(after),
        HouseholdChange.Replaced => new HouseholdReplaced(before!, after),
        HouseholdChange.MemberAdded => new HouseholdMemberAdded(before!, after, memberId!.Value),
        HouseholdChange.MemberUpdated => new HouseholdMemberUpdated(before!, after, memberId!.Value),
        HouseholdChange.MemberRemoved => new HouseholdMemberRemoved(before!, after, memberId!.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };
}

/// <summary>A household was registered with its members.</summary>
public sealed record HouseholdRegistered(HouseholdState After) : HouseholdEvent(null, After)
{
    public override string Action => "Created";
}

/// <summary>The household's fields and members were replaced in one step.</summary>
public sealed record HouseholdReplaced(HouseholdState Before, HouseholdState After) : HouseholdEvent(Before, After)
{
    public override string Action => "Replaced";
}

/// <summary>A member joined the household.</summary>
public sealed record HouseholdMemberAdded(HouseholdState Before, HouseholdState After, Guid MemberId) : HouseholdEvent(Before, After)
{
    public override string Action => "MemberAdded";
}

/// <summary>A member's details changed.</summary>
public sealed record HouseholdMemberUpdated(HouseholdState Before, HouseholdState After, Guid MemberId) : HouseholdEvent(Before, After)
{
    public override string Action => "MemberUpdated";
}

/// <summary>A member left the household.</summary>
public sealed record HouseholdMemberRemoved(HouseholdState Before, HouseholdState After, Guid MemberId) : HouseholdEvent(Before, After)
{
    public override string Action => "MemberRemoved";
}
