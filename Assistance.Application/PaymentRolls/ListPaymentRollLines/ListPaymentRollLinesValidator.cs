namespace Assistance.Application.PaymentRolls.ListPaymentRollLines;

using FluentValidation;

public sealed class ListPaymentRollLinesValidator : AbstractValidator<ListPaymentRollLinesQuery>
{
    public ListPaymentRollLinesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
    }
}
