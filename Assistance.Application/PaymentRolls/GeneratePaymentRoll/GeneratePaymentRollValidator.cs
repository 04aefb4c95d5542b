namespace Assistance.Application.PaymentRolls.GeneratePaymentRoll;

using FluentValidation;

public sealed class GeneratePaymentRollValidator : AbstractValidator<GeneratePaymentRollCommand>
{
    public GeneratePaymentRollValidator()
    {
        RuleFor(c => c.RegionCode).CountyCode();
        RuleFor(c => c.Month).ValidMonth();
        RuleFor(c => c.Programme).IsInEnum();
    }
}
