namespace Assistance.Application.AuditEvents.ListAuditEvents;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListAuditEventsValidator : AbstractValidator<ListAuditEventsQuery>
{
    public ListAuditEventsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
        RuleFor(q => q.EntityType).MaximumLength(64);
        RuleFor(q => q.EntityId).MaximumLength(64);
    }
}
