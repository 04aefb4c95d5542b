namespace Assistance.Application.TemporaryAssistance.RefuseTemporaryAssistance;

using FluentValidation;

public sealed class RefuseTemporaryAssistanceValidator : AbstractValidator<RefuseTemporaryAssistanceCommand>
{
    public RefuseTemporaryAssistanceValidator() => RuleFor(c => c.Reasons).MaximumLength(4000);
}
