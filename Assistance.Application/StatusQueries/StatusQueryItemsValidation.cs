namespace Assistance.Application.StatusQueries;

using FluentValidation;
using FluentValidation.Results;

/// <summary>The checks every status query applies to its items (synchronous or as a job).</summary>
public static class StatusQueryItemsValidation
{
    /// <summary>The bounds declared on <see cref="StatusQueryItem.ReferenceId"/> (MinLength, MaxLength).</summary>
    private const int MinReferenceLength = 1;
    private const int MaxReferenceLength = 64;

    public static void Items<T>(this IRuleBuilderInitial<T, IReadOnlyList<StatusQueryItem>> rule, int maxItems) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("items is required.")
            .Must(items => items!.Count > 0).WithMessage("items must hold at least one item.")
            .Must(items => items!.Count <= maxItems).WithMessage($"items may hold at most {maxItems} items.")
            .Must(items => items!.Select(i => i.ReferenceId).Distinct(StringComparer.Ordinal).Count() == items!.Count)
            .WithMessage("Each referenceId must be unique in the batch.");

    /// <summary>
    /// The same checks as <see cref="Items{T}"/> plus the per-item rules (the ID number's shape) and the limits the
    /// contract declares on <see cref="StatusQueryItem"/> (referenceId 1–64 characters), in one pass with no LINQ and no
    /// reflection; the same fields and messages. Null when everything holds.
    /// </summary>
    public static List<ValidationFailure>? Check(IReadOnlyList<StatusQueryItem>? items, int maxItems)
    {
        if (items is null)
        {
            return [new ValidationFailure("Items", "items is required.")];
        }

        if (items.Count == 0)
        {
            return [new ValidationFailure("Items", "items must hold at least one item.")];
        }

        if (items.Count > maxItems)
        {
            return [new ValidationFailure("Items", $"items may hold at most {maxItems} items.")];
        }

        List<ValidationFailure>? failures = null;
        var references = new HashSet<string?>(items.Count, StringComparer.Ordinal);
        var unique = true;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                (failures ??= []).Add(new ValidationFailure($"Items[{i}]", $"items[{i}] is required."));
                continue;
            }

            unique &= references.Add(item.ReferenceId);
            if (!IsIdNumberShape(item.IdNumber))
            {
                (failures ??= []).Add(new ValidationFailure($"Items[{i}].IdNumber", "idNumber must be 17 digits followed by a digit or X."));
            }

            switch (item.ReferenceId)
            {
                case { Length: 0 }:
                    (failures ??= []).Add(new ValidationFailure($"Items[{i}].ReferenceId", $"items[{i}].referenceId needs at least {MinReferenceLength} (characters or items)."));
                    break;
                case { Length: > MaxReferenceLength }:
                    (failures ??= []).Add(new ValidationFailure($"Items[{i}].ReferenceId", $"items[{i}].referenceId is longer than {MaxReferenceLength} (characters or items)."));
                    break;
            }
        }

        if (!unique)
        {
            (failures ??= []).Insert(0, new ValidationFailure("Items", "Each referenceId must be unique in the batch."));
        }

        return failures;
    }

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
