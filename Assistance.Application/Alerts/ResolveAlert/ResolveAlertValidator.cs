namespace Assistance.Application.Alerts.ResolveAlert;

using FluentValidation;

public sealed class ResolveAlertValidator : AbstractValidator<ResolveAlertCommand>
{
    public ResolveAlertValidator()
    {
        RuleFor(c => c.Note).NotEmpty().MaximumLength(2000);
    }
}
