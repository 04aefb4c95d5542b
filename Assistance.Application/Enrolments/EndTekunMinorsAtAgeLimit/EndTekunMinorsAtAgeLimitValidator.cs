namespace Assistance.Application.Enrolments.EndTekunMinorsAtAgeLimit;

using FluentValidation;

public sealed class EndTekunMinorsAtAgeLimitValidator : AbstractValidator<EndTekunMinorsAtAgeLimitCommand>
{
    public EndTekunMinorsAtAgeLimitValidator() =>
        RuleFor(c => c.AsOf).NotEqual(default(DateOnly)).WithMessage("asOf (YYYY-MM-DD) is required.");
}
