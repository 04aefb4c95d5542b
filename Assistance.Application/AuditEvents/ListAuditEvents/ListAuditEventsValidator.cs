namespace Assistance.Application.AuditEvents.ListAuditEvents;

using FluentValidation;

public sealed class ListAuditEventsValidator : AbstractValidator<ListAuditEventsQuery>
{
    public ListAuditEventsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _))
            .WithMessage("regionCode must be 6, 9 or 12 digits.");
        RuleFor(q => q.EntityType).MaximumLength(64);
        RuleFor(q => q.EntityId).MaximumLength(64);
    }
}
