namespace Assistance.Application.Alerts.ListAlerts;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListAlertsValidator : AbstractValidator<ListAlertsQuery>
{
    public ListAlertsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
        RuleFor(q => q.Rule).Must(r => r is null || AlertRules.All.Contains(r))
            .WithMessage($"rule must be one of {string.Join(", ", AlertRules.All)}.");
        RuleFor(q => q.Status).IsInEnum();
    }
}
