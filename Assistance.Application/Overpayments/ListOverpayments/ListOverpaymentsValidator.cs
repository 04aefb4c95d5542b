namespace Assistance.Application.Overpayments.ListOverpayments;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListOverpaymentsValidator : AbstractValidator<ListOverpaymentsQuery>
{
    public ListOverpaymentsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
        RuleFor(q => q.Status).IsInEnum();
    }
}
