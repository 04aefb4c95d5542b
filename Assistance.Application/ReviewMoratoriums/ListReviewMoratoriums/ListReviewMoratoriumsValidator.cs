namespace Assistance.Application.ReviewMoratoriums.ListReviewMoratoriums;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListReviewMoratoriumsValidator : AbstractValidator<ListReviewMoratoriumsQuery>
{
    public ListReviewMoratoriumsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
    }
}
