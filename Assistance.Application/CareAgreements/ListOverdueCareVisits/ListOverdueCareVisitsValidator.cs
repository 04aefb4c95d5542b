namespace Assistance.Application.CareAgreements.ListOverdueCareVisits;

using FluentValidation;

public sealed class ListOverdueCareVisitsValidator : AbstractValidator<ListOverdueCareVisitsQuery>
{
    public ListOverdueCareVisitsValidator() =>
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
}
