namespace Assistance.Application.TemporaryAssistance.PayTemporaryAssistance;

using Assistance.Application.Common;
using Assistance.Application.Applications;
using FluentValidation;

public sealed class PayTemporaryAssistanceValidator : AbstractValidator<PayTemporaryAssistanceCommand>
{
    public PayTemporaryAssistanceValidator() => RuleFor(c => c.Reason).ReasonText();
}
