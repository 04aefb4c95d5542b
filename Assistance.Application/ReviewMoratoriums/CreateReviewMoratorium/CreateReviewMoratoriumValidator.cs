namespace Assistance.Application.ReviewMoratoriums.CreateReviewMoratorium;

using Assistance.Application.Common;
using FluentValidation;

public sealed class CreateReviewMoratoriumValidator : AbstractValidator<CreateReviewMoratoriumCommand>
{
    public CreateReviewMoratoriumValidator()
    {
        RuleFor(c => c.RegionCode).ValidRegionCode();
        this.ValidateTerms();
    }
}
