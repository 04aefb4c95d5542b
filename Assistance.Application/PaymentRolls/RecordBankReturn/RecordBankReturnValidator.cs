namespace Assistance.Application.PaymentRolls.RecordBankReturn;

using FluentValidation;

public sealed class RecordBankReturnValidator : AbstractValidator<RecordBankReturnCommand>
{
    public RecordBankReturnValidator()
    {
        RuleFor(c => c.Csv).Custom((csv, context) =>
        {
            foreach (var error in BankReturnFile.Parse(csv).Errors)
            {
                context.AddFailure("csv", error);
            }
        });
    }
}
