namespace Assistance.Application.Households;

using Assistance.Application.Abstractions;
using Assistance.Domain.Common;
using Assistance.Domain.Households;

/// <summary>Aggregate → representation, and client input → member details (with the documented defaults).</summary>
public static class HouseholdMapping
{
    /// <summary>The scope that reveals full ID numbers in responses.</summary>
    public const string PiiReadScope = PiiAccess.Scope;

    /// <summary>The representation for this caller: ID numbers masked unless they hold pii.read.</summary>
    public static HouseholdDto ToDto(this Household household, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return household.ToDto(revealIdNumbers: user.CanReadIdNumbers());
    }

    /// <summary>The snapshot for audit rows: ID numbers always masked (R-60; api.md personal data).</summary>
    public static HouseholdDto ToAuditSnapshot(this Household household) => household.ToDto(revealIdNumbers: false);

    public static HouseholdDto ToDto(this Household household, bool revealIdNumbers)
    {
        ArgumentNullException.ThrowIfNull(household);
        return new HouseholdDto(
            household.Id,
            household.Region.Value,
            household.Residence,
            household.Address,
            new HouseholdAssetsDto(Money(household.Assets.Financial), household.Assets.MotorVehicles),
            Money(household.MonthlyRigidExpenditure),
            household.Version,
            household.Members.Select(m => new HouseholdMemberDto(
                m.Id,
                revealIdNumbers ? m.IdNumber.Value : m.IdNumber.Masked,
                m.Details.Name,
                m.Details.Relationship,
                m.BirthDate,
                m.Sex,
                m.Details.Status,
                m.Details.LaborCapacity,
                m.Details.Disability is { } d ? new MemberDisabilityDto(d.Category, d.Grade) : null,
                m.Details.SeriousIllness,
                m.Details.SelfCare,
                m.Details.InSchool,
                m.Details.Employed,
                m.Details.HasCapableSupporter,
                m.Details.Incomes.Select(i => new MemberIncomeDto(i.Type, Money(i.MonthlyAmount), i.Unstable)).ToList())).ToList(),
            household.CreatedAt,
            household.UpdatedAt);
    }

    /// <summary>Money always carries two decimals (api.md: money as numbers with two decimals).</summary>
    public static decimal Money(decimal amount) => Common.Money.TwoDecimals(amount);

    public static AssetHoldings ToAssets(this AssetsInput? assets) =>
        assets is null ? AssetHoldings.None : new AssetHoldings(Money(assets.Financial ?? 0m), assets.MotorVehicles ?? 0);

    /// <summary>Member details from client input for a resolved ID number, applying the documented defaults.</summary>
    public static MemberDetails ToDetails(this HouseholdMemberInput input, NationalId idNumber)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new MemberDetails(
            idNumber,
            input.Name!.Trim(),
            input.Relationship!.Value,
            input.Status ?? MemberStatus.Present,
            input.LaborCapacity ?? LaborCapacity.Full,
            input.Disability is { } d ? new Disability(d.Category!.Value, d.Grade!.Value) : null,
            input.SeriousIllness ?? false,
            input.SelfCare ?? SelfCareLevel.SelfCare,
            input.InSchool ?? false,
            input.Employed ?? false,
            input.HasCapableSupporter ?? false,
            (input.Incomes ?? []).Select(i => new IncomeItem(i.Type!.Value, Money(i.MonthlyAmount!.Value), i.Unstable ?? false)).ToList());
    }

    /// <summary>
    /// The ID number a member input stands for: a full number is parsed; an omitted or masked number keeps the
    /// existing member's (a masked one must match it). Stated birth date and sex must agree (400 naming the field).
    /// </summary>
    public static NationalId ResolveIdNumber(this HouseholdMemberInput input, HouseholdMember? existing, string fieldPrefix)
    {
        ArgumentNullException.ThrowIfNull(input);
        NationalId id;
        if (string.IsNullOrWhiteSpace(input.IdNumber))
        {
            id = existing?.IdNumber ?? throw new DomainValidationException(fieldPrefix + "idNumber", "ID number is required for a new member.");
        }
        else if (input.IdNumber.Contains('*', StringComparison.Ordinal))
        {
            id = existing is not null && string.Equals(existing.IdNumber.Masked, input.IdNumber, StringComparison.OrdinalIgnoreCase)
                ? existing.IdNumber
                : throw new DomainValidationException(fieldPrefix + "idNumber", existing is null
                    ? "A new member needs the full ID number, not a masked one."
                    : "The masked ID number does not match this member's; send the full number to change it.");
        }
        else
        {
            id = NationalId.Parse(input.IdNumber, fieldPrefix + "idNumber");
        }

        FieldRules.Check(new StatedBirthDateAgreesWithIdNumber(id, input.BirthDate), fieldPrefix + "birthDate");
        FieldRules.Check(new StatedSexAgreesWithIdNumber(id, input.Sex), fieldPrefix + "sex");
        return id;
    }
}
