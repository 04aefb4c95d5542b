namespace Assistance.Application.Applications.ListApplications;

using FluentValidation;

public sealed class ListApplicationsValidator : AbstractValidator<ListApplicationsQuery>
{
    public ListApplicationsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
    }
}
