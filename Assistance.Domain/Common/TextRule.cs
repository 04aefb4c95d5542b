namespace Assistance.Domain.Common;

/// <summary>
/// The one rule for free text anywhere in the API (names, addresses, reasons, findings, sources, filters): no NUL,
/// no C0 control character other than tab, line feed and carriage return, no DEL, and no bidirectional override or
/// isolate (U+202A–U+202E, U+2066–U+2069), which can make a name display as something else. Names and other one-line
/// values (query parameters, JSON property names) additionally refuse tab and line breaks.
/// </summary>
public static class TextRule
{
    /// <summary>Why <paramref name="value"/> breaks the rule, in API terms; null when it is acceptable.</summary>
    public static string? Violation(ReadOnlySpan<char> value, bool singleLine)
    {
        foreach (var c in value)
        {
            if (c == '\0')
            {
                return "contains a NUL character (U+0000), which is not allowed in text.";
            }

            if (c is '\t' or '\n' or '\r')
            {
                if (singleLine)
                {
                    return "contains a tab or line break, which is not allowed in a name or one-line value.";
                }

                continue;
            }

            if (c < 0x20 || c == 0x7f)
            {
                return $"contains the control character U+{(int)c:X4}, which is not allowed in text.";
            }

            if (c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                return $"contains the bidirectional control character U+{(int)c:X4}, which is not allowed in text.";
            }
        }

        return null;
    }

    /// <summary>Property names whose values are names: one line, shown to people, so held to the strict rule.</summary>
    public static bool IsNameField(string? property) =>
        property is not null
        && (property.Equals("name", StringComparison.OrdinalIgnoreCase)
            || property.EndsWith("Name", StringComparison.Ordinal)
            || property is "investigators" or "visitor" or "source" or "regionCode" or "idNumber");
}
