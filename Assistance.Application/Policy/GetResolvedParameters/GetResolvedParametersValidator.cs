namespace Assistance.Application.Policy.GetResolvedParameters;

using FluentValidation;

public sealed class GetResolvedParametersValidator : AbstractValidator<GetResolvedParametersQuery>
{
    public GetResolvedParametersValidator()
    {
        RuleFor(q => q.RegionCode).NotEmpty().Must(c => Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
        RuleFor(q => q.On).NotNull().WithMessage("on (YYYY-MM-DD) is required.");
        RuleFor(q => q.Residence).IsInEnum();
    }
}
