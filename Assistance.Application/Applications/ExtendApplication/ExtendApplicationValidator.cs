namespace Assistance.Application.Applications.ExtendApplication;

using FluentValidation;

public sealed class ExtendApplicationValidator : AbstractValidator<ExtendApplicationCommand>
{
    public ExtendApplicationValidator() => RuleFor(c => c.Reason).NotEmpty().ReasonText();
}
