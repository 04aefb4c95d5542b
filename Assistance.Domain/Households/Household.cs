namespace Assistance.Domain.Households;

using Assistance.Domain.Common;
using Assistance.Domain.Regions;

/// <summary>A household's registered assets, read by the assets test (domain.md §3): financial assets in yuan and motor vehicles.</summary>
public sealed record AssetHoldings(decimal Financial, int MotorVehicles)
{
    public static AssetHoldings None { get; } = new(0m, 0);
}

/// <summary>
/// What the register records about one member (domain.md §1). Birth date and sex are not stored separately:
/// they come from the ID number.
/// </summary>
public sealed record MemberDetails(
    NationalId IdNumber,
    string Name,
    Relationship Relationship,
    MemberStatus Status,
    LaborCapacity LaborCapacity,
    Disability? Disability,
    bool SeriousIllness,
    SelfCareLevel SelfCare,
    bool InSchool,
    bool Employed,
    bool HasCapableSupporter,
    IReadOnlyList<IncomeItem> Incomes)
{
    internal void CheckRules()
    {
        ArgumentNullException.ThrowIfNull(IdNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentNullException.ThrowIfNull(Incomes);
        if (Disability is not null)
        {
            BusinessRules.Check(new DisabilityGradeIsOneToFour(Disability.Grade));
        }

        BusinessRules.Check(new MemberHasAtMostTwentyIncomes(Incomes.Count));
        foreach (var income in Incomes)
        {
            BusinessRules.Check(new IncomeAmountIsNonNegative(income.MonthlyAmount));
        }
    }
}

/// <summary>家庭成员: a person in a household, identified in the register by a member id.</summary>
public sealed class HouseholdMember
{
    public const int MaxIncomes = 20;

    internal HouseholdMember(Guid id, MemberDetails details)
    {
        Id = id;
        Details = details;
    }

    public Guid Id { get; }

    public MemberDetails Details { get; internal set; }

    public NationalId IdNumber => Details.IdNumber;

    /// <summary>From the ID number (characters 7-14).</summary>
    public DateOnly BirthDate => Details.IdNumber.BirthDate;

    /// <summary>From the ID number (character 17).</summary>
    public Sex Sex => Details.IdNumber.Sex;
}

/// <summary>
/// 家庭: the aggregate of the household register. Every change goes through a method that keeps the invariants of
/// HouseholdRules.cs; persistence bumps <see cref="Version"/> (optimistic concurrency).
/// </summary>
public sealed class Household : IHasDomainEvents
{
    public const int MaxMembers = 30;

    private readonly List<HouseholdMember> members;
    private readonly List<IDomainEvent> domainEvents = [];

    // Changes made since the last save, each with the state before it: persistence stores them under a new version,
    // and only then is the change's event raised, with the state as stored (version and time included).
    private readonly List<(HouseholdChange Change, HouseholdState? Before, Guid? MemberId)> unsaved = [];

    private Household(HouseholdState state)
    {
        Id = state.Id;
        Region = state.Region;
        Residence = state.Residence;
        Address = state.Address;
        Assets = state.Assets;
        MonthlyRigidExpenditure = state.MonthlyRigidExpenditure;
        Version = state.Version;
        CreatedAt = state.CreatedAt;
        UpdatedAt = state.UpdatedAt;
        members = state.Members.Select(m => new HouseholdMember(m.Id, m.Details)).ToList();
    }

    public Guid Id { get; }

    public RegionCode Region { get; private set; }

    public ResidenceType Residence { get; private set; }

    public string Address { get; private set; }

    public AssetHoldings Assets { get; private set; }

    public decimal MonthlyRigidExpenditure { get; private set; }

    /// <summary>The version as loaded or last saved; the ETag.</summary>
    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Members in register order.</summary>
    public IReadOnlyList<HouseholdMember> Members => members;

    /// <summary>Registers a new household with its members (version 1).</summary>
    public static Household Register(
        Guid id,
        RegionCode region,
        ResidenceType residence,
        string address,
        AssetHoldings assets,
        decimal monthlyRigidExpenditure,
        IEnumerable<(Guid Id, MemberDetails Details)> members,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(members);
        CheckHouseholdFields(address, assets, monthlyRigidExpenditure);
        var list = members.ToList();
        CheckMembers([.. list.Select(m => new HouseholdMember(m.Id, m.Details))]);
        var household = new Household(new HouseholdState(id, region, residence, address, assets, monthlyRigidExpenditure, 1, now, now, list));
        household.unsaved.Add((HouseholdChange.Registered, null, null));
        return household;
    }

    /// <summary>Rebuilds a stored household (persistence only; the stored state already kept the rules).</summary>
    public static Household Restore(HouseholdState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new Household(state);
    }

    /// <summary>Events raised since the household was loaded or its events were last collected.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    public void ClearDomainEvents() => domainEvents.Clear();

    /// <summary>The household as persistence stores it, and as its events carry it.</summary>
    public HouseholdState ToState() => new(
        Id, Region, Residence, Address, Assets, MonthlyRigidExpenditure, Version, CreatedAt, UpdatedAt, [.. members.Select(m => (m.Id, m.Details))]);

    public HouseholdMember? FindMember(Guid memberId) => members.Find(m => m.Id == memberId);

    /// <summary>
    /// Replaces the household's fields and members in one step: members whose id is known are updated, unknown
    /// ids are added, members not listed are removed; the list order becomes the register order.
    /// </summary>
    public void Replace(
        RegionCode region,
        ResidenceType residence,
        string address,
        AssetHoldings assets,
        decimal monthlyRigidExpenditure,
        IEnumerable<(Guid Id, MemberDetails Details)> newMembers)
    {
        ArgumentNullException.ThrowIfNull(newMembers);
        CheckHouseholdFields(address, assets, monthlyRigidExpenditure);
        // Checked on a candidate list first, so a broken rule leaves the aggregate as it was.
        var list = newMembers.Select(m => new HouseholdMember(m.Id, m.Details)).ToList();
        CheckMembers(list);
        unsaved.Add((HouseholdChange.Replaced, ToState(), null));
        Region = region;
        Residence = residence;
        Address = address;
        Assets = assets;
        MonthlyRigidExpenditure = monthlyRigidExpenditure;
        members.Clear();
        members.AddRange(list);
    }

    public HouseholdMember AddMember(Guid memberId, MemberDetails details)
    {
        var member = new HouseholdMember(memberId, details);
        CheckMembers([.. members, member]);
        unsaved.Add((HouseholdChange.MemberAdded, ToState(), memberId));
        members.Add(member);
        return member;
    }

    public void UpdateMember(Guid memberId, MemberDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var index = members.FindIndex(m => m.Id == memberId);
        if (index < 0)
        {
            throw new InvalidOperationException($"Member {memberId} is not in household {Id}.");
        }

        var candidate = members.Select((m, i) => i == index ? new HouseholdMember(m.Id, details) : m).ToList();
        CheckMembers(candidate);
        unsaved.Add((HouseholdChange.MemberUpdated, ToState(), memberId));
        members[index].Details = details;
    }

    /// <summary>
    /// A partner's life event changes whether the member is counted (R-33: 死亡 → Deceased, 服刑 → Imprisoned; a release
    /// makes them Present again after reassessment). Only Present members are counted (R-01; N-57 Art.7). Returns the
    /// status before.
    /// </summary>
    public MemberStatus ChangeMemberStatus(Guid memberId, MemberStatus status)
    {
        var member = FindMember(memberId) ?? throw new InvalidOperationException($"Member {memberId} is not in household {Id}.");
        var before = member.Details.Status;
        if (before != status)
        {
            UpdateMember(memberId, member.Details with { Status = status });
        }

        return before;
    }

    public void RemoveMember(Guid memberId)
    {
        var index = members.FindIndex(m => m.Id == memberId);
        if (index < 0)
        {
            throw new InvalidOperationException($"Member {memberId} is not in household {Id}.");
        }

        BusinessRules.Check(new HouseholdHasAtLeastOneMember(members.Count - 1));
        unsaved.Add((HouseholdChange.MemberRemoved, ToState(), memberId));
        members.RemoveAt(index);
    }

    /// <summary>
    /// Called by persistence once the changes are stored under <paramref name="version"/> (a new household: its first
    /// version); raises each change's event with the state as stored.
    /// </summary>
    public void MarkSaved(long version, DateTimeOffset at)
    {
        Version = version;
        UpdatedAt = at;
        var after = ToState();
        foreach (var (change, before, memberId) in unsaved)
        {
            domainEvents.Add(HouseholdEvent.Of(change, before, after, memberId));
        }

        unsaved.Clear();
    }

    private static void CheckHouseholdFields(string address, AssetHoldings assets, decimal monthlyRigidExpenditure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentNullException.ThrowIfNull(assets);
        BusinessRules.Check(new HouseholdAmountIsNonNegative("Financial assets", assets.Financial));
        BusinessRules.Check(new HouseholdAmountIsNonNegative("Motor vehicles", assets.MotorVehicles));
        BusinessRules.Check(new HouseholdAmountIsNonNegative("Monthly rigid expenditure", monthlyRigidExpenditure));
    }

    private static void CheckMembers(List<HouseholdMember> candidate)
    {
        BusinessRules.Check(new HouseholdHasAtLeastOneMember(candidate.Count));
        BusinessRules.Check(new HouseholdHasAtMostThirtyMembers(candidate.Count));
        BusinessRules.Check(new MemberIdNumbersAreUniqueInHousehold(candidate.Select(m => m.IdNumber)));
        BusinessRules.Check(new HouseholdHasAtMostOneHead(candidate.Select(m => m.Details.Relationship)));
        foreach (var member in candidate)
        {
            member.Details.CheckRules();
        }
    }
}
