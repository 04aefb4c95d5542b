namespace Assistance.Application.StatusQueries.QueryStatuses;

using FluentValidation;

public sealed class QueryStatusesValidator : AbstractValidator<QueryStatusesQuery>
{
    public QueryStatusesValidator(StatusQueryLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        RuleFor(q => q.Items).Items(limits.SynchronousLimit);
        RuleForEach(q => q.Items).ChildRules(item =>
            item.RuleFor(i => i.IdNumber).Must(StatusQueryItemsValidation.IsIdNumberShape).WithMessage("idNumber must be 17 digits followed by a digit or X."));
    }
}
