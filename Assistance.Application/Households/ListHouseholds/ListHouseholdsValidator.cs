namespace Assistance.Application.Households.ListHouseholds;

using FluentValidation;

public sealed class ListHouseholdsValidator : AbstractValidator<ListHouseholdsQuery>
{
    public ListHouseholdsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _))
            .WithMessage("regionCode must be 6, 9 or 12 digits.");
        RuleFor(q => q.Cursor).MaximumLength(500);
    }
}
