namespace Assistance.Application.CloseRelatives.ListCloseRelatives;

using FluentValidation;

public sealed class ListCloseRelativesValidator : AbstractValidator<ListCloseRelativesQuery>
{
    public ListCloseRelativesValidator() =>
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
}
