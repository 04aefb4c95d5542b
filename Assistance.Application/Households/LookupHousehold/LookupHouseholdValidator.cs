namespace Assistance.Application.Households.LookupHousehold;

using Assistance.Domain.Common;
using Assistance.Domain.Households;
using FluentValidation;

public sealed class LookupHouseholdValidator : AbstractValidator<LookupHouseholdQuery>
{
    public LookupHouseholdValidator() =>
        RuleFor(q => q.IdNumber).Custom((text, context) =>
        {
            try
            {
                NationalId.Parse(text);
            }
            catch (DomainValidationException ex)
            {
                context.AddFailure(ex.Message);
            }
        });
}
