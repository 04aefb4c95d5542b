namespace Assistance.Application.PriceIndices.ListPriceIndices;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListPriceIndicesValidator : AbstractValidator<ListPriceIndicesQuery>
{
    public ListPriceIndicesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
    }
}
