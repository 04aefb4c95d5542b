namespace Assistance.Application.Reviews.ListDueReviews;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListDueReviewsValidator : AbstractValidator<ListDueReviewsQuery>
{
    public ListDueReviewsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
    }
}
