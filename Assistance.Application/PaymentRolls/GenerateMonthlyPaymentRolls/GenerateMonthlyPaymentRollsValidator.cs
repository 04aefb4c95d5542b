namespace Assistance.Application.PaymentRolls.GenerateMonthlyPaymentRolls;

using FluentValidation;

public sealed class GenerateMonthlyPaymentRollsValidator : AbstractValidator<GenerateMonthlyPaymentRollsCommand>
{
    public GenerateMonthlyPaymentRollsValidator()
    {
        RuleFor(c => c.RegionCode).CountyCode();
        RuleFor(c => c.Month).ValidMonth();
    }
}
