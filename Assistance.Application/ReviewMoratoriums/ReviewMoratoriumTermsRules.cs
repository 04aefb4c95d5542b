namespace Assistance.Application.ReviewMoratoriums;

using Assistance.Application.Common;
using FluentValidation;

/// <summary>The input rules of a moratorium's terms, one list for the create and the amend validators.</summary>
public static class ReviewMoratoriumTermsRules
{
    public const int SourceMaxLength = 200;

    public static void ValidateTerms<T>(this AbstractValidator<T> validator)
        where T : IReviewMoratoriumTerms
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(c => c.From).NotEqual(default(DateOnly)).WithMessage("from (YYYY-MM-DD) is required.");
        validator.RuleFor(c => c.To).Must((c, to) => to is null || to > c.From).WithMessage("to (the first day no longer in force) must come after from.");
        validator.RuleFor(c => c.Reason).NotEmpty().MaximumLength(ReasonRules.MaxLength);
        validator.RuleFor(c => c.Source).NotEmpty().MaximumLength(SourceMaxLength);
        validator.RuleFor(c => c.EndSource).MaximumLength(SourceMaxLength);
        validator.RuleFor(c => c.EndSource).NotEmpty().When(c => c.To is not null).WithMessage("endSource (the document that ended the moratorium) is required with to.");
    }
}
