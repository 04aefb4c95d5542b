namespace Assistance.Application.Applications.AcceptApplication;

using Assistance.Application.Common;
using FluentValidation;

public sealed class AcceptApplicationValidator : AbstractValidator<AcceptApplicationCommand>
{
    public AcceptApplicationValidator() => RuleFor(c => c.Reason).ReasonText();
}
