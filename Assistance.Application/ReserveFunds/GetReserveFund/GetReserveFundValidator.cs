namespace Assistance.Application.ReserveFunds.GetReserveFund;

using Assistance.Application.Common;
using FluentValidation;

public sealed class GetReserveFundValidator : AbstractValidator<GetReserveFundQuery>
{
    public GetReserveFundValidator() => RuleFor(q => q.TownshipCode).ValidRegionCode();
}
