namespace Assistance.Application.Policy.GetResolvedParameters;

using Assistance.Application.Common;
using FluentValidation;

public sealed class GetResolvedParametersValidator : AbstractValidator<GetResolvedParametersQuery>
{
    public GetResolvedParametersValidator()
    {
        RuleFor(q => q.RegionCode).NotEmpty().ValidRegionCode();
        RuleFor(q => q.On).NotNull().WithMessage("on (YYYY-MM-DD) is required.");
        RuleFor(q => q.Residence).IsInEnum();
    }
}
