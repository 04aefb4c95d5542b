namespace Assistance.Domain.Households;

using Assistance.Domain.Common;

// Invariants of the household register (domain.md §1). Rules without an R-id in domain.md name their source
// instead; validators check the same rules first so bad input is a 400 naming the field, and the aggregate
// checks them again so no code path can store a household that breaks them (409).

/// <summary>R-22; GB 11643: one person has one number, so a number appears once in a household.</summary>
public sealed class MemberIdNumbersAreUniqueInHousehold(IEnumerable<NationalId> idNumbers) : IBusinessRule
{
    private readonly NationalId? duplicate = idNumbers.GroupBy(i => i.Value, StringComparer.Ordinal).Where(g => g.Count() > 1)
        .Select(g => g.First()).FirstOrDefault();

    public string Code => "household.duplicate-id-number";

    public string Message => $"ID number {duplicate?.Masked} appears more than once in the household.";

    public string Source => "R-22; GB 11643";

    public bool IsBroken() => duplicate is not null;
}

/// <summary>R-22: one ID number may belong to only one household at a time.</summary>
public sealed class PersonBelongsToOneHousehold(NationalId idNumber, Guid? otherHouseholdId, bool otherHouseholdVisible) : IBusinessRule
{
    public string Code => "household.member-in-other-household";

    public string Message => otherHouseholdVisible && otherHouseholdId is { } other
        ? $"ID number {idNumber.Masked} is already registered in household {other}; remove the person there first."
        : $"ID number {idNumber.Masked} is already registered in a household of another region; that region must remove the person first.";

    public string Source => "R-22";

    public bool IsBroken() => otherHouseholdId is not null;
}

/// <summary>Register limit: a household has at most <see cref="Household.MaxMembers"/> members.</summary>
public sealed class HouseholdHasAtMostThirtyMembers(int count) : IBusinessRule
{
    public string Code => "household.too-many-members";

    public string Message => $"A household has at most {Household.MaxMembers} members; this change would give it {count}.";

    public string Source => "register limit (domain.md §1)";

    public bool IsBroken() => count > Household.MaxMembers;
}

/// <summary>A household is a group of people: it keeps at least one member.</summary>
public sealed class HouseholdHasAtLeastOneMember(int count) : IBusinessRule
{
    public string Code => "household.no-members";

    public string Message => "A household keeps at least one member; to end a household, record the members' status instead.";

    public string Source => "domain.md §1";

    public bool IsBroken() => count < 1;
}

/// <summary>
/// A household has at most one head (户主). Not "exactly one": a household may be registered before the head is
/// known, and a head's death must not block recording the other members.
/// </summary>
public sealed class HouseholdHasAtMostOneHead(IEnumerable<Relationship> relationships) : IBusinessRule
{
    private readonly int heads = relationships.Count(r => r == Relationship.Head);

    public string Code => "household.multiple-heads";

    public string Message => $"A household has at most one member with relationship Head, not {heads}.";

    public string Source => "domain.md §1 (户主)";

    public bool IsBroken() => heads > 1;
}

/// <summary>Register limit: a member has at most <see cref="HouseholdMember.MaxIncomes"/> income items.</summary>
public sealed class MemberHasAtMostTwentyIncomes(int count) : IBusinessRule
{
    public string Code => "household.too-many-incomes";

    public string Message => $"A member has at most {HouseholdMember.MaxIncomes} income items, not {count}.";

    public string Source => "register limit (domain.md §1)";

    public bool IsBroken() => count > HouseholdMember.MaxIncomes;
}

/// <summary>Disability certificates grade 1 (most severe) to 4 (domain.md §1; N-43 Art.5).</summary>
public sealed class DisabilityGradeIsOneToFour(int? grade) : IBusinessRule
{
    public string Code => "household.disability-grade-invalid";

    public string Message => $"Disability grade must be 1 to 4, not {grade}.";

    public string Source => "domain.md §1; N-43 Art.5";

    public bool IsBroken() => grade is < 1 or > 4;
}

/// <summary>Income items are amounts received: never negative (domain.md §1, income types).</summary>
public sealed class IncomeAmountIsNonNegative(decimal amount) : IBusinessRule
{
    public string Code => "household.negative-income";

    public string Message => $"A monthly income amount cannot be negative ({amount}).";

    public string Source => "domain.md §1";

    public bool IsBroken() => amount < 0;
}

/// <summary>Assets and rigid expenditure are non-negative amounts (domain.md §3 input).</summary>
public sealed class HouseholdAmountIsNonNegative(string what, decimal amount) : IBusinessRule
{
    public string Code => "household.negative-amount";

    public string Message => $"{what} cannot be negative ({amount}).";

    public string Source => "domain.md §3";

    public bool IsBroken() => amount < 0;
}

/// <summary>Birth date comes from the ID number and must agree with any given separately (domain.md §1; GB 11643).</summary>
public sealed class StatedBirthDateAgreesWithIdNumber(NationalId idNumber, DateOnly? statedBirthDate) : IBusinessRule
{
    public string Code => "household.birth-date-mismatch";

    public string Message =>
        $"Birth date {statedBirthDate:yyyy-MM-dd} disagrees with the ID number, which gives {idNumber.BirthDate:yyyy-MM-dd} (characters 7-14).";

    public string Source => "domain.md §1; GB 11643";

    public bool IsBroken() => statedBirthDate is { } stated && stated != idNumber.BirthDate;
}

/// <summary>Sex comes from the ID number (character 17: odd = male, even = female) and must agree with any given separately.</summary>
public sealed class StatedSexAgreesWithIdNumber(NationalId idNumber, Sex? statedSex) : IBusinessRule
{
    public string Code => "household.sex-mismatch";

    public string Message => $"Sex {statedSex} disagrees with the ID number, which gives {idNumber.Sex} (character 17).";

    public string Source => "domain.md §1; GB 11643";

    public bool IsBroken() => statedSex is { } stated && stated != idNumber.Sex;
}
