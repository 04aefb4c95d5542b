namespace Assistance.Application.ReviewMoratoriums.AmendReviewMoratorium;

using FluentValidation;

public sealed class AmendReviewMoratoriumValidator : AbstractValidator<AmendReviewMoratoriumCommand>
{
    public AmendReviewMoratoriumValidator()
    {
        this.ValidateTerms();
    }
}
