namespace Assistance.Application.Reviews.ListReviews;

using FluentValidation;

public sealed class ListReviewsValidator : AbstractValidator<ListReviewsQuery>
{
    public ListReviewsValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
}
