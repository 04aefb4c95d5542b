namespace Assistance.Application.ReviewMoratoriums.CreateReviewMoratorium;

using Assistance.Application.Common;
using FluentValidation;

public sealed class CreateReviewMoratoriumValidator : AbstractValidator<CreateReviewMoratoriumCommand>
{
    public CreateReviewMoratoriumValidator()
    {
        RuleFor(c => c.RegionCode).ValidRegionCode();
        RuleFor(c => c.From).NotEqual(default(DateOnly)).WithMessage("from (YYYY-MM-DD) is required.");
        RuleFor(c => c.To).Must((c, to) => to is null || to > c.From).WithMessage("to (the first day no longer in force) must come after from.");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Source).NotEmpty().MaximumLength(200);
        RuleFor(c => c.EndSource).MaximumLength(200);
        RuleFor(c => c.EndSource).NotEmpty().When(c => c.To is not null).WithMessage("endSource (the document that ended the moratorium) is required with to.");
    }
}
