namespace Assistance.Application.PaymentRolls;

using System.Globalization;
using FluentValidation;

/// <summary>Months travel as yyyy-MM (like an enrolment's startMonth) and are stored as their first day.</summary>
public static class Months
{
    public const string Message = "month must be yyyy-MM (2000-01 … 2100-12).";

    public static bool TryParse(string? text, out DateOnly month)
    {
        month = default;
        return text is { Length: 7 }
            && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month)
            && month.Year is >= 2000 and <= 2100;
    }

    public static DateOnly Parse(string text) => TryParse(text, out var month) ? month : throw new FormatException(Message);

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IRuleBuilderOptions<T, string?> ValidMonth<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(m => TryParse(m, out _)).WithMessage(Message);
}
