namespace Assistance.Application.LifeEvents.ListLifeEvents;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListLifeEventsValidator : AbstractValidator<ListLifeEventsQuery>
{
    public ListLifeEventsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Type).IsInEnum();
    }
}
