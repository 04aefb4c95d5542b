namespace Assistance.Domain.Households;

using Assistance.Domain.Common;

// Invariants of the household register (domain.md §1), each naming the R-id whose input it protects. Validators
// check the same rules first so bad input is a 400 naming the field, and the aggregate checks them again so no
// code path can store a household that breaks them (409).

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
        : $"ID number {idNumber.Masked} cannot be registered here: the person is already registered in a household outside your area. Ask the civil-affairs office above you to resolve it.";

    public string Source => "R-22";

    public bool IsBroken() => otherHouseholdId is not null;
}

/// <summary>Register limit (not policy): at most <see cref="Household.MaxMembers"/> members, the composition …R-19 read.</summary>
public sealed class HouseholdHasAtMostThirtyMembers(int count) : IBusinessRule
{
    public string Code => "household.too-many-members";

    public string Message => $"A household has at most {Household.MaxMembers} members; this change would give it {count}.";

    public string Source => "register limit; R-01";

    public bool IsBroken() => count > Household.MaxMembers;
}

/// <summary>A household keeps at least one member: R-01 counts its members, and an empty household has nobody to count.</summary>
public sealed class HouseholdHasAtLeastOneMember(int count) : IBusinessRule
{
    public string Code => "household.no-members";

    public string Message => "A household keeps at least one member; to end a household, record the members' status instead.";

    public string Source => "R-01";

    public bool IsBroken() => count < 1;
}

/// <summary>
/// A household has at most one head (户主). Not "exactly one": a household may be registered before the head is
/// known, and a head's death must not block recording the other members. Register rule (not policy), R-20: an
/// application is made by the household through one member.
/// </summary>
public sealed class HouseholdHasAtMostOneHead(IEnumerable<Relationship> relationships) : IBusinessRule
{
    private readonly int heads = relationships.Count(r => r == Relationship.Head);

    public string Code => "household.multiple-heads";

    public string Message => $"A household has at most one member with relationship Head, not {heads}.";

    public string Source => "R-20 (户主)";

    public bool IsBroken() => heads > 1;
}

/// <summary>Register limit (not policy): at most <see cref="HouseholdMember.MaxIncomes"/> income items per member, the items R-10 counts.</summary>
public sealed class MemberHasAtMostTwentyIncomes(int count) : IBusinessRule
{
    public string Code => "household.too-many-incomes";

    public string Message => $"A member has at most {HouseholdMember.MaxIncomes} income items, not {count}.";

    public string Source => "register limit; R-10";

    public bool IsBroken() => count > HouseholdMember.MaxIncomes;
}

/// <summary>R-11: disability certificates grade 1 (most severe) to 4, which the qualifying-disability test reads (domain.md §1; N-43 Art.5).</summary>
public sealed class DisabilityGradeIsOneToFour(int? grade) : IBusinessRule
{
    public string Code => "household.disability-grade-invalid";

    public string Message => $"Disability grade must be 1 to 4, not {grade}.";

    public string Source => "R-11; N-43 Art.5";

    public bool IsBroken() => grade is < 1 or > 4;
}

/// <summary>R-10: income items are amounts received, never negative, so counted income is a sum of receipts (domain.md §1).</summary>
public sealed class IncomeAmountIsNonNegative(decimal amount) : IBusinessRule
{
    public string Code => "household.negative-income";

    public string Message => $"A monthly income amount cannot be negative ({amount}).";

    public string Source => "R-10";

    public bool IsBroken() => amount < 0;
}

/// <summary>R-14, R-18: assets (assets test) and rigid expenditure (expenditure routes) are non-negative amounts (domain.md §3).</summary>
public sealed class HouseholdAmountIsNonNegative(string what, decimal amount) : IBusinessRule
{
    public string Code => "household.negative-amount";

    public string Message => $"{what} cannot be negative ({amount}).";

    public string Source => "R-14; R-18";

    public bool IsBroken() => amount < 0;
}

/// <summary>R-11: age tests read the birth date, which comes from the ID number and must agree with any given separately (domain.md §1; GB 11643).</summary>
public sealed class StatedBirthDateAgreesWithIdNumber(NationalId idNumber, DateOnly? statedBirthDate) : IBusinessRule
{
    public string Code => "household.birth-date-mismatch";

    public string Message =>
        $"Birth date {statedBirthDate:yyyy-MM-dd} disagrees with the ID number, which gives {idNumber.BirthDate:yyyy-MM-dd} (characters 7-14).";

    public string Source => "R-11; GB 11643";

    public bool IsBroken() => statedBirthDate is { } stated && stated != idNumber.BirthDate;
}

/// <summary>R-22: sex comes from the ID number (character 17: odd = male, even = female) that identifies the person, and must agree with any given separately.</summary>
public sealed class StatedSexAgreesWithIdNumber(NationalId idNumber, Sex? statedSex) : IBusinessRule
{
    public string Code => "household.sex-mismatch";

    public string Message => $"Sex {statedSex} disagrees with the ID number, which gives {idNumber.Sex} (character 17).";

    public string Source => "R-22; GB 11643";

    public bool IsBroken() => statedSex is { } stated && stated != idNumber.Sex;
}
