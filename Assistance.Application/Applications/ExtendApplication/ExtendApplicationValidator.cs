namespace Assistance.Application.Applications.ExtendApplication;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ExtendApplicationValidator : AbstractValidator<ExtendApplicationCommand>
{
    public ExtendApplicationValidator() => RuleFor(c => c.Reason).NotEmpty().ReasonText();
}
