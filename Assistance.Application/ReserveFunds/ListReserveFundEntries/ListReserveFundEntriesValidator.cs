namespace Assistance.Application.ReserveFunds.ListReserveFundEntries;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListReserveFundEntriesValidator : AbstractValidator<ListReserveFundEntriesQuery>
{
    public ListReserveFundEntriesValidator()
    {
        RuleFor(q => q.TownshipCode).ValidRegionCode();
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
    }
}
