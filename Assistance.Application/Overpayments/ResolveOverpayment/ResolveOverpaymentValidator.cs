namespace Assistance.Application.Overpayments.ResolveOverpayment;

using Assistance.Domain.Overpayments;
using FluentValidation;

public sealed class ResolveOverpaymentValidator : AbstractValidator<ResolveOverpaymentCommand>
{
    public ResolveOverpaymentValidator()
    {
        RuleFor(c => c.Status).IsInEnum().NotEqual(OverpaymentStatus.Open).WithMessage("status is Recovered or WrittenOff.");
        RuleFor(c => c.Note).NotEmpty().MaximumLength(2000);
    }
}
