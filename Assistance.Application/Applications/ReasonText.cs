namespace Assistance.Application.Applications;

using FluentValidation;

internal static class TransitionRules
{
    public static IRuleBuilderOptions<T, string?> ReasonText<T>(this IRuleBuilder<T, string?> rule) => rule.MaximumLength(2000);
}
