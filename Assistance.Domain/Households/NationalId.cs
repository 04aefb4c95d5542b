namespace Assistance.Domain.Households;

using System.Globalization;
using Assistance.Domain.Common;

/// <summary>
/// Citizen identity number (公民身份号码), GB 11643: 6-digit address code, 8-digit birth date, 3-digit
/// sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check character. Personal data:
/// never logged, never placed in a URL; shown masked unless the caller holds <c>pii.read</c>.
/// </summary>
public sealed partial record NationalId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private NationalId(string value, DateOnly birthDate, Sex sex)
    {
        Value = value;
        BirthDate = birthDate;
        Sex = sex;
    }

    public string Value { get; }

    public DateOnly BirthDate { get; }

    public Sex Sex { get; }

    public string AddressCode => Value[..6];

    /// <summary>First six and last four characters visible: <c>320682********123X</c>.</summary>
    public string Masked => Mask(Value);

    /// <summary>
    /// The one masking of an ID number: first six and last four characters of an 18-character number visible, anything
    /// else (a stored number of another shape) fully hidden.
    /// </summary>
    public static string Mask(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        return idNumber.Length == 18 ? idNumber[..6] + new string('*', 8) + idNumber[14..] : "***";
    }

    /// <summary>
    /// Masks every run that looks like an ID number (17 digits and a digit or X, not part of a longer word) in free
    /// text such as a reason or an address, as <see cref="Masked"/> does. Checksums are not verified on purpose: a
    /// mistyped number is still personal data.
    /// </summary>
    public static string MaskIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MayContainIdNumber(text) ? IdNumberPattern().Replace(text, m => Mask(m.Value)) : text;
    }

    /// <summary>Cheap pre-check for <see cref="MaskIn"/>: 17 consecutive digits somewhere.</summary>
    public static bool MayContainIdNumber(ReadOnlySpan<char> text)
    {
        // Jumps from digit run to digit run with vectorized searches: every string of every response passes here
        // (PII masking), trace details among them, so a char-by-char loop showed in the profile (issue 14).
        while (true)
        {
            var start = text.IndexOfAnyInRange('0', '9');
            if (start < 0)
            {
                return false;
            }

            text = text[start..];
            var end = text.IndexOfAnyExceptInRange('0', '9');
            if (end < 0)
            {
                return text.Length >= 17;
            }

            if (end >= 17)
            {
                return true;
            }

            text = text[end..];
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial System.Text.RegularExpressions.Regex IdNumberPattern();

    /// <summary>Parses and validates; the message names the first wrong character by position.</summary>
    public static NationalId Parse(string? text, string field = "idNumber")
    {
        var error = Validate(text, out var id);
        return error is null ? id! : throw new DomainValidationException(field, error);
    }

    public static bool TryParse(string? text, out NationalId? id) => Validate(text, out id) is null;

    private static string? Validate(string? text, out NationalId? id)
    {
        id = null;
        if (string.IsNullOrEmpty(text))
        {
            return "ID number is required.";
        }

        var value = text.ToUpperInvariant();
        if (value.Length != 18)
        {
            return $"ID number must have 18 characters, not {value.Length}.";
        }

        for (var i = 0; i < 17; i++)
        {
            if (value[i] is < '0' or > '9')
            {
                return $"Character {i + 1} ('{value[i]}') must be a digit.";
            }
        }

        if (value[17] is not ((>= '0' and <= '9') or 'X'))
        {
            return $"Character 18 ('{value[17]}') must be a digit or X.";
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            return $"Characters 7-14 ('{value.Substring(6, 8)}') are not a valid birth date.";
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (value[i] - '0') * Weights[i];
        }

        var expected = CheckCharacters[sum % 11];
        if (value[17] != expected)
        {
            return $"Character 18 (check character '{value[17]}') is wrong: the checksum gives '{expected}'.";
        }

        var sequence = value[16] - '0';
        id = new NationalId(value, birth, sequence % 2 == 1 ? Sex.Male : Sex.Female);
        return null;
    }

    /// <summary>Computes the check character for 17 leading digits (used to build test and demo IDs).</summary>
    public static char CheckCharacterFor(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public override string ToString() => Masked;
}

public enum Sex
{
    Male,
    Female,
}
