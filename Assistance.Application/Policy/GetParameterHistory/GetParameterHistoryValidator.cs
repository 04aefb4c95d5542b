namespace Assistance.Application.Policy.GetParameterHistory;

using FluentValidation;

public sealed class GetParameterHistoryValidator : AbstractValidator<GetParameterHistoryQuery>
{
    public GetParameterHistoryValidator()
    {
        RuleFor(q => q.Residence).IsInEnum();
        RuleFor(q => q.RegionCode).NotEmpty().Must(c => Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
    }
}
