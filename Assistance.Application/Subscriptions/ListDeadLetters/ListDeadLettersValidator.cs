namespace Assistance.Application.Subscriptions.ListDeadLetters;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListDeadLettersValidator : AbstractValidator<ListDeadLettersQuery>
{
    public ListDeadLettersValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
}
