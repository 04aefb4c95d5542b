namespace Assistance.Application.PaymentRolls.RegeneratePaymentRoll;

using FluentValidation;

public sealed class RegeneratePaymentRollValidator : AbstractValidator<RegeneratePaymentRollCommand>
{
    public RegeneratePaymentRollValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
    }
}
