namespace Assistance.Application.ReserveFunds.TopUpReserveFund;

using Assistance.Application.Common;
using Assistance.Application.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Regions;
using FluentValidation;

public sealed class TopUpReserveFundValidator : AbstractValidator<TopUpReserveFundCommand>
{
    public TopUpReserveFundValidator()
    {
        RuleFor(c => c.TownshipCode)
            .Must(c => RegionCode.TryParse(c, out var code) && code.Level == RegionLevel.Township)
            .WithMessage("townshipCode is the 9-digit code of a township (乡镇/街道).");
        RuleFor(c => c.Amount).GreaterThan(0m).Must(Domain.Common.Money.IsWholeFen).WithMessage("amount is a positive number of yuan with at most two decimals.");
        RuleFor(c => c.Reason).ReasonText();
    }
}
