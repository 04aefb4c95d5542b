namespace Assistance.Application.Households.ImportHouseholds;

using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>
/// The import's cheap first look at a line: true only when the create validator (<c>CreateHouseholdValidator</c>)
/// would certainly accept it, so the FluentValidation run (most of the per-line CPU of an import) is needed only for
/// the lines this refuses, and it is that run which words the errors and names the fields, exactly as POST
/// /households does. It applies the same checks and the same <see cref="Domain.Common.IBusinessRule"/> classes as the
/// validators in HouseholdValidation.cs; when in doubt it says false, never true. The aggregate still checks its
/// business rules on every line. Kept in step with the validators by ImportFastCheckTests (every bad line refused here
/// is a line the validator refuses, and the good lines are taken).
/// </summary>
public static class ImportLineFastCheck
{
    /// <summary>
    /// True when every field of a new household is certainly valid; <paramref name="idNumbers"/> then holds each
    /// member's parsed ID number (the birth date and sex stated agree with it), in member order.
    /// </summary>
    public static bool IsCertainlyValid(HouseholdInput input, out NationalId[] idNumbers)
    {
        ArgumentNullException.ThrowIfNull(input);
        idNumbers = [];
        if (string.IsNullOrWhiteSpace(input.RegionCode) || !RegionCode.TryParse(input.RegionCode, out _)
            || input.Residence is null
            || !HasTrimmedLength(input.Address, HouseholdFieldsValidator<IHouseholdFields>.MaxAddressLength)
            || input.MonthlyRigidExpenditure is { } rigid && !IsNonNegativeMoney("Monthly rigid expenditure", rigid, MemberInputValidator.MaxMonthlyAmount))
        {
            return false;
        }

        if (input.Assets is { } assets
            && ((assets.Financial is { } financial && !IsNonNegativeMoney("Financial assets", financial, HouseholdFieldsValidator<IHouseholdFields>.MaxFinancialAssets))
                || assets.MotorVehicles is < 0 or > HouseholdFieldsValidator<IHouseholdFields>.MaxMotorVehicles))
        {
            return false;
        }

        var members = input.Members;
        if (members is null || new HouseholdHasAtLeastOneMember(members.Count).IsBroken() || new HouseholdHasAtMostThirtyMembers(members.Count).IsBroken())
        {
            return false;
        }

        var ids = new NationalId[members.Count];
        var heads = 0;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is not { } member || !IsCertainlyValidNewMember(member, out var id))
            {
                return false;
            }

            // R-22 within the household: a repeated number goes to the validator, which names both members.
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(ids[j].Value, id.Value, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            if (member.Relationship == Relationship.Head && ++heads > 1)
            {
                return false;
            }

            ids[i] = id;
        }

        idNumbers = ids;
        return true;
    }

    private static bool IsCertainlyValidNewMember(HouseholdMemberInput member, out NationalId id)
    {
        id = null!;
        if (member.Id is not null
            || string.IsNullOrWhiteSpace(member.IdNumber) || member.IdNumber.Contains('*', StringComparison.Ordinal)
            || !NationalId.TryParse(member.IdNumber, out var parsed)
            || new StatedBirthDateAgreesWithIdNumber(parsed!, member.BirthDate).IsBroken()
            || new StatedSexAgreesWithIdNumber(parsed!, member.Sex).IsBroken()
            || !HasTrimmedLength(member.Name, MemberInputValidator.MaxNameLength)
            || member.Relationship is null)
        {
            return false;
        }

        if (member.Disability is { } disability
            && (disability.Category is null || disability.Grade is null || new DisabilityGradeIsOneToFour(disability.Grade).IsBroken()))
        {
            return false;
        }

        if (member.Incomes is { } incomes)
        {
            if (new MemberHasAtMostTwentyIncomes(incomes.Count).IsBroken())
            {
                return false;
            }

            foreach (var income in incomes)
            {
                if (income is null || income.Type is null || income.MonthlyAmount is not { } amount
                    || new IncomeAmountIsNonNegative(amount).IsBroken() || !MemberInputValidator.IsMoney(amount, MemberInputValidator.MaxMonthlyAmount))
                {
                    return false;
                }
            }
        }

        id = parsed!;
        return true;
    }

    /// <summary>NotEmpty (not null, not blank) and 1 to <paramref name="max"/> characters once trimmed.</summary>
    private static bool HasTrimmedLength(string? text, int max) =>
        !string.IsNullOrWhiteSpace(text) && text.AsSpan().Trim().Length <= max;

    private static bool IsNonNegativeMoney(string what, decimal amount, decimal max) =>
        !new HouseholdAmountIsNonNegative(what, amount).IsBroken() && MemberInputValidator.IsMoney(amount, max);
}
