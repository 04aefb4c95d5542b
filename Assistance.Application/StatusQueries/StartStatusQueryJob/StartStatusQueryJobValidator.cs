namespace Assistance.Application.StatusQueries.StartStatusQueryJob;

using FluentValidation;

public sealed class StartStatusQueryJobValidator : AbstractValidator<StartStatusQueryJobCommand>
{
    public StartStatusQueryJobValidator(StatusQueryLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        RuleFor(q => q.Items).Items(limits.MaxBatch);
        RuleForEach(q => q.Items).ChildRules(item =>
            item.RuleFor(i => i.IdNumber).Must(StatusQueryItemsValidation.IsIdNumberShape).WithMessage("idNumber must be 17 digits followed by a digit or X."));
    }
}
