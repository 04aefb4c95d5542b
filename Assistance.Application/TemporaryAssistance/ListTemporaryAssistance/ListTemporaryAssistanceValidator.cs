namespace Assistance.Application.TemporaryAssistance.ListTemporaryAssistance;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListTemporaryAssistanceValidator : AbstractValidator<ListTemporaryAssistanceQuery>
{
    public ListTemporaryAssistanceValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
    }
}
