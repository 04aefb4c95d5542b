namespace Assistance.Application.Households.ReplaceHousehold;

using FluentValidation;

public sealed class ReplaceHouseholdValidator : AbstractValidator<ReplaceHouseholdCommand>
{
    public ReplaceHouseholdValidator() => Include(new HouseholdFieldsValidator<ReplaceHouseholdCommand>(MemberIdentity.NewOrExisting));
}
