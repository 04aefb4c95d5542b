namespace Assistance.Application.Common;

using FluentValidation;

/// <summary>
/// The one limit of a free-text reason (the "why" the audit trail keeps): validators check it with
/// <see cref="ReasonText{T}"/> and the API's request records declare it with <c>[MaxLength(ReasonRules.MaxLength)]</c>,
/// so validation and the OpenAPI schema say the same number (a drift test compares every other limit too).
/// </summary>
public static class ReasonRules
{
    public const int MaxLength = 2000;

    public static IRuleBuilderOptions<T, string?> ReasonText<T>(this IRuleBuilder<T, string?> rule) => rule.MaximumLength(MaxLength);
}
