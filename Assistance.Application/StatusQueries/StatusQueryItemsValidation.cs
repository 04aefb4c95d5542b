namespace Assistance.Application.StatusQueries;

using FluentValidation;

/// <summary>The checks every status query applies to its items (synchronous or as a job).</summary>
public static class StatusQueryItemsValidation
{
    public static void Items<T>(this IRuleBuilderInitial<T, IReadOnlyList<StatusQueryItem>> rule, int maxItems) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("items is required.")
            .Must(items => items!.Count > 0).WithMessage("items must hold at least one item.")
            .Must(items => items!.Count <= maxItems).WithMessage($"items may hold at most {maxItems} items.")
            .Must(items => items!.Select(i => i.ReferenceId).Distinct(StringComparer.Ordinal).Count() == items!.Count)
            .WithMessage("Each referenceId must be unique in the batch.");

    /// <summary>Shape only (17 digits and a digit or X): a well-formed number nobody holds is simply not a beneficiary.</summary>
    public static bool IsIdNumberShape(string? value)
    {
        if (value is not { Length: 18 })
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return char.IsAsciiDigit(value[17]) || value[17] == 'X';
    }
}
