namespace Assistance.Application.CareAgreements.ListMissingCareAgreements;

using FluentValidation;

public sealed class ListMissingCareAgreementsValidator : AbstractValidator<ListMissingCareAgreementsQuery>
{
    public ListMissingCareAgreementsValidator() =>
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
}
