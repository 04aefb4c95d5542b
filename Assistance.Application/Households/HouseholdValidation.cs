namespace Assistance.Application.Households;

using Assistance.Application.Common;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using FluentValidation;

/// <summary>How a member input identifies the person.</summary>
public enum MemberIdentity
{
    /// <summary>A new member: no member id, a full valid ID number.</summary>
    New,

    /// <summary>Replace: with a member id, the ID number may be omitted or masked; without, it is a new member.</summary>
    NewOrExisting,

    /// <summary>Update of a known member: the ID number may be omitted, masked or a full (corrected) number.</summary>
    Existing,
}

/// <summary>
/// Shape checks of one member (400 naming <c>members[i].field</c>); the aggregate re-checks the same rules. Internal so
/// the validator scan does not register it on its own: it is part of the command validators.
/// </summary>
internal sealed class MemberInputValidator : AbstractValidator<HouseholdMemberInput>
{
    public const int MaxNameLength = 100;
    public const decimal MaxMonthlyAmount = 9_999_999_999.99m;

    public MemberInputValidator(MemberIdentity identity)
    {
        if (identity == MemberIdentity.New)
        {
            RuleFor(m => m.Id).Null().WithMessage("A new member has no id: the register assigns it.");
        }

        RuleFor(m => m.IdNumber).Custom((text, context) =>
        {
            var member = context.InstanceToValidate;
            var mayKeepStored = identity == MemberIdentity.Existing || (identity == MemberIdentity.NewOrExisting && member.Id is not null);
            if (string.IsNullOrWhiteSpace(text))
            {
                if (!mayKeepStored)
                {
                    context.AddFailure("ID number is required.");
                }

                return;
            }

            if (text.Contains('*', StringComparison.Ordinal))
            {
                if (!mayKeepStored || !IsMasked(text))
                {
                    context.AddFailure(mayKeepStored
                        ? "A masked ID number must look like 320682********123X (first 6 and last 4 characters)."
                        : "A new member needs the full ID number, not a masked one.");
                }

                return;
            }

            try
            {
                var id = NationalId.Parse(text);
                AddIfBroken(context, new StatedBirthDateAgreesWithIdNumber(id, member.BirthDate), "BirthDate");
                AddIfBroken(context, new StatedSexAgreesWithIdNumber(id, member.Sex), "Sex");
            }
            catch (DomainValidationException ex)
            {
                context.AddFailure(ex.Message);
            }
        });
        RuleFor(m => m.Name).NotEmpty().WithMessage("Name is required.")
            .Must(n => n is null || n.Trim().Length is > 0 and <= MaxNameLength).WithMessage($"Name must have 1 to {MaxNameLength} characters.");
        RuleFor(m => m.Relationship).NotNull().WithMessage("Relationship is required (Head, Spouse, Child, Parent, Sibling, Grandchild, Grandparent or Other).");
        RuleFor(m => m.Disability!.Category).NotNull().When(m => m.Disability is not null)
            .WithMessage("Disability category is required when a disability is given (null for none).");
        RuleFor(m => m.Disability!.Grade).NotNull().WithMessage("Disability grade is required when a disability is given.")
            .Must(g => !new DisabilityGradeIsOneToFour(g).IsBroken()).WithMessage("Disability grade must be 1 to 4.")
            .When(m => m.Disability is not null);
        RuleFor(m => m.Incomes).Must(i => i is null || !new MemberHasAtMostTwentyIncomes(i.Count).IsBroken())
            .WithMessage($"A member has at most {HouseholdMember.MaxIncomes} income items.");
        RuleForEach(m => m.Incomes).NotNull().WithMessage("An income item cannot be null.").ChildRules(income =>
        {
            income.RuleFor(i => i.Type).NotNull().WithMessage("Income type is required.");
            income.RuleFor(i => i.MonthlyAmount).NotNull().WithMessage("Monthly amount is required.")
                .Must(a => a is null || !new IncomeAmountIsNonNegative(a.Value).IsBroken()).WithMessage("Monthly amount cannot be negative.")
                .Must(a => a is null || IsMoney(a.Value, MaxMonthlyAmount)).WithMessage($"Monthly amount must have at most two decimals and be at most {MaxMonthlyAmount}.");
        });
    }

    public static bool IsMasked(string text) =>
        text.Length == 18 && text[..6].All(char.IsAsciiDigit) && text[6..14].All(c => c == '*')
        && text[14..17].All(char.IsAsciiDigit) && (char.IsAsciiDigit(text[17]) || text[17] is 'X' or 'x');

    public static bool IsMoney(decimal amount, decimal max) => amount <= max && Domain.Common.Money.IsWholeFen(amount);

    private static void AddIfBroken(ValidationContext<HouseholdMemberInput> context, IBusinessRule rule, string property)
    {
        // AddFailure(property, message) prefixes the property chain (members[i]) itself.
        if (rule.IsBroken())
        {
            context.AddFailure(property, rule.Message);
        }
    }
}

/// <summary>Shape checks of a whole household body (create and replace).</summary>
internal sealed class HouseholdFieldsValidator<T> : AbstractValidator<T>
    where T : IHouseholdFields
{
    public const int MaxAddressLength = 500;
    public const decimal MaxFinancialAssets = 999_999_999_999.99m;
    public const int MaxMotorVehicles = 1000;

    public HouseholdFieldsValidator(MemberIdentity identity)
    {
        RuleFor(h => h.RegionCode).NotEmpty().WithMessage("regionCode is required.")
            .ValidRegionCodeOrNull();
        RuleFor(h => h.Residence).NotNull().WithMessage("residence is required (Urban or Rural).");
        RuleFor(h => h.Address).NotEmpty().WithMessage("address is required.")
            .Must(a => a is null || a.Trim().Length is > 0 and <= MaxAddressLength).WithMessage($"address must have 1 to {MaxAddressLength} characters.");
        RuleFor(h => h.Assets!.Financial)
            .Must(a => a is null || (!new HouseholdAmountIsNonNegative("Financial assets", a.Value).IsBroken() && MemberInputValidator.IsMoney(a.Value, MaxFinancialAssets)))
            .WithMessage($"Financial assets must be 0 to {MaxFinancialAssets} with at most two decimals.")
            .When(h => h.Assets is not null);
        RuleFor(h => h.Assets!.MotorVehicles).InclusiveBetween(0, MaxMotorVehicles).When(h => h.Assets is not null)
            .WithMessage($"Motor vehicles must be 0 to {MaxMotorVehicles}.");
        RuleFor(h => h.MonthlyRigidExpenditure)
            .Must(a => a is null || (!new HouseholdAmountIsNonNegative("Monthly rigid expenditure", a.Value).IsBroken()
                                     && MemberInputValidator.IsMoney(a.Value, MemberInputValidator.MaxMonthlyAmount)))
            .WithMessage($"monthlyRigidExpenditure must be 0 to {MemberInputValidator.MaxMonthlyAmount} with at most two decimals.");
        RuleFor(h => h.Members).NotNull().WithMessage("members is required.")
            .Must(m => m is null || (!new HouseholdHasAtLeastOneMember(m.Count).IsBroken() && !new HouseholdHasAtMostThirtyMembers(m.Count).IsBroken()))
            .WithMessage($"A household has 1 to {Household.MaxMembers} members.");
        RuleForEach(h => h.Members).NotNull().WithMessage("A member cannot be null.").SetValidator(new MemberInputValidator(identity));
        RuleFor(h => h.Members).Custom((members, context) =>
        {
            if (members is null)
            {
                return;
            }

            var seenIdNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
            var seenIds = new Dictionary<Guid, int>();
            var heads = 0;
            for (var i = 0; i < members.Count; i++)
            {
                if (members[i] is not { } member)
                {
                    continue;
                }

                if (member.IdNumber is { } text && NationalId.TryParse(text, out var id))
                {
                    if (!seenIdNumbers.TryAdd(id!.Value, i))
                    {
                        context.AddFailure($"Members[{i}].IdNumber", $"ID number {id.Masked} is already given for members[{seenIdNumbers[id.Value]}] (R-22).");
                    }
                }

                if (member.Id is { } memberId && !seenIds.TryAdd(memberId, i))
                {
                    context.AddFailure($"Members[{i}].Id", $"Member id {memberId} is already given for members[{seenIds[memberId]}].");
                }

                if (member.Relationship == Relationship.Head && ++heads > 1)
                {
                    context.AddFailure($"Members[{i}].Relationship", "A household has at most one member with relationship Head.");
                }
            }
        });
    }
}
