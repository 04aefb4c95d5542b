namespace Assistance.Application.Households.CreateHousehold;

using FluentValidation;

public sealed class CreateHouseholdValidator : AbstractValidator<CreateHouseholdCommand>
{
    public CreateHouseholdValidator() => Include(new HouseholdFieldsValidator<CreateHouseholdCommand>(MemberIdentity.New));
}
