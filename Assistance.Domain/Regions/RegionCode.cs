namespace Assistance.Domain.Regions;

using Assistance.Domain.Common;

/// <summary>
/// Administrative division code (行政区划代码): GB/T 2260 six digits for national, province, city and
/// county; GB/T 10114 nine digits for a township or street; twelve digits for a village or community.
/// National is <c>000000</c>. Parent chain per domain.md §1: 12 → 9 → county → city → province → national;
/// a county directly under a province (third and fourth digits <c>90</c>) has the province as parent.
/// </summary>
public readonly record struct RegionCode
{
    public const string NationalValue = "000000";

    private RegionCode(string value) => Value = value;

    public string Value { get; }

    public static RegionCode National => new(NationalValue);

    public RegionLevel Level => Value.Length switch
    {
        12 => RegionLevel.Village,
        9 => RegionLevel.Township,
        _ when Value == NationalValue => RegionLevel.National,
        _ when Value.EndsWith("0000", StringComparison.Ordinal) => RegionLevel.Province,
        _ when Value.EndsWith("00", StringComparison.Ordinal) && Value.Substring(2, 2) != "90" => RegionLevel.City,
        _ => RegionLevel.County,
    };

    public static bool TryParse(string? text, out RegionCode code)
    {
        code = default;
        if (text is null || (text.Length != 6 && text.Length != 9 && text.Length != 12))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        // A six-digit code with a province part of 00 is only valid as the national code itself.
        if (text.Length == 6 && text.StartsWith("00", StringComparison.Ordinal) && text != NationalValue)
        {
            return false;
        }

        code = new RegionCode(text);
        return true;
    }

    public static RegionCode Parse(string? text, string field = "regionCode") =>
        TryParse(text, out var code)
            ? code
            : throw new DomainValidationException(field, $"'{text}' is not a region code: expected 6, 9 or 12 digits (GB/T 2260 / GB/T 10114).");

    /// <summary>The county-level (six-digit) code this region belongs to.</summary>
    public RegionCode County => Value.Length > 6 ? new RegionCode(Value[..6]) : this;

    public RegionCode? Parent
    {
        get
        {
            switch (Level)
            {
                case RegionLevel.National:
                    return null;
                case RegionLevel.Village:
                    return new RegionCode(Value[..9]);
                case RegionLevel.Township:
                    return new RegionCode(Value[..6]);
                case RegionLevel.Province:
                    return National;
                case RegionLevel.City:
                    return new RegionCode(Value[..2] + "0000");
                default:
                    var isDirectlyUnderProvince = Value.Substring(2, 2) == "90";
                    return isDirectlyUnderProvince
                        ? new RegionCode(Value[..2] + "0000")
                        : new RegionCode(Value[..4] + "00");
            }
        }
    }

    /// <summary>This region, then each ancestor up to and including national.</summary>
    public IEnumerable<RegionCode> SelfAndAncestors()
    {
        RegionCode? current = this;
        while (current is { } c)
        {
            yield return c;
            current = c.Parent;
        }
    }

    /// <summary>
    /// The code prefix shared by every region in this subtree ("" for national, 2 digits for a province, 4 for a
    /// city, the whole code below), for set-based SQL filters (<c>region_code LIKE prefix || '%'</c>).
    /// </summary>
    public string SubtreePrefix => Level switch
    {
        RegionLevel.National => string.Empty,
        RegionLevel.Province => Value[..2],
        RegionLevel.City => Value[..4],
        _ => Value,
    };

    /// <summary>True when <paramref name="other"/> is this region or lies inside it.</summary>
    public bool Contains(RegionCode other)
    {
        foreach (var r in other.SelfAndAncestors())
        {
            if (r == this)
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Value;
}

public enum RegionLevel
{
    National,
    Province,
    City,
    County,
    Township,
    Village,
}
