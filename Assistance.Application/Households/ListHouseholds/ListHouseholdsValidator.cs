namespace Assistance.Application.Households.ListHouseholds;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListHouseholdsValidator : AbstractValidator<ListHouseholdsQuery>
{
    public ListHouseholdsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
        RuleFor(q => q.Cursor).MaximumLength(500);
    }
}
