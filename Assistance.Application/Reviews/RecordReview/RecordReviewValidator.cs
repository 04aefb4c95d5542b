namespace Assistance.Application.Reviews.RecordReview;

using FluentValidation;

public sealed class RecordReviewValidator : AbstractValidator<RecordReviewCommand>
{
    public RecordReviewValidator()
    {
        RuleFor(c => c.ReviewedOn).NotEqual(default(DateOnly)).WithMessage("reviewedOn (YYYY-MM-DD) is required.");
        RuleFor(c => c.HouseholdVersion).GreaterThanOrEqualTo(1);
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}
