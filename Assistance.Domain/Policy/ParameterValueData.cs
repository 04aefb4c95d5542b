namespace Assistance.Domain.Policy;

using System.Globalization;
using System.Text;
using Assistance.Domain.Common;
using Assistance.Domain.Households;

/// <summary>The JSON-ish shape a parameter value has; <see cref="Null"/> ends or unsets a parameter .</summary>
#pragma warning disable CA1720 // The members name the catalog's declared value types (domain.md §2), on purpose.
public enum ParameterValueKind
{
    Null,
    Decimal,
    Integer,
    Boolean,
    String,
    StringList,
}
#pragma warning restore CA1720

/// <summary>
/// A typed parameter value: decimal, integer, boolean, string, list of strings, or null (the parameter is
/// ended or unset for that region, R-02). Immutable; equality is by kind and content.
/// </summary>
public sealed class ParameterValueData : IEquatable<ParameterValueData>
{
    private readonly decimal number;
    private readonly bool flag;
    private readonly string? text;
    private readonly string[]? items;

    // Lazily computed bit set of IncomeType names; immutable once computed, so a benign race is harmless.
    private int incomeTypeMask = -1;

    private ParameterValueData(ParameterValueKind kind, decimal number = 0m, bool flag = false, string? text = null, string[]? items = null)
    {
        Kind = kind;
        this.number = number;
        this.flag = flag;
        this.text = text;
        this.items = items;
    }

    public static ParameterValueData Null { get; } = new(ParameterValueKind.Null);

    public ParameterValueKind Kind { get; }

    public bool IsNull => Kind == ParameterValueKind.Null;

    public static ParameterValueData FromDecimal(decimal value) => new(ParameterValueKind.Decimal, number: value);

    public static ParameterValueData FromInteger(int value) => new(ParameterValueKind.Integer, number: value);

    public static ParameterValueData FromBoolean(bool value) => new(ParameterValueKind.Boolean, flag: value);

    public static ParameterValueData FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(ParameterValueKind.String, text: value);
    }

    public static ParameterValueData FromList(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = values.ToArray();
        if (Array.Exists(array, v => v is null))
        {
            throw new ArgumentException("List values must not be null.", nameof(values));
        }

        return new(ParameterValueKind.StringList, items: array);
    }

    /// <summary>The value as a plain CLR object for serialisation: decimal, int, bool, string, string[] or null.</summary>
    public object? ToClrValue() => Kind switch
    {
        ParameterValueKind.Decimal => number,
        ParameterValueKind.Integer => (int)number,
        ParameterValueKind.Boolean => flag,
        ParameterValueKind.String => text,
        ParameterValueKind.StringList => items!.ToArray(),
        _ => null,
    };

    public decimal AsDecimal() => Kind is ParameterValueKind.Decimal or ParameterValueKind.Integer
        ? number
        : throw new InvalidOperationException($"A {Kind} value is not a number.");

    public int AsInteger() => Kind == ParameterValueKind.Integer
        ? (int)number
        : throw new InvalidOperationException($"A {Kind} value is not an integer.");

    public bool AsBoolean() => Kind == ParameterValueKind.Boolean
        ? flag
        : throw new InvalidOperationException($"A {Kind} value is not a boolean.");

    public string AsString() => Kind == ParameterValueKind.String
        ? text!
        : throw new InvalidOperationException($"A {Kind} value is not a string.");

    public IReadOnlyList<string> AsList() => Kind == ParameterValueKind.StringList
        ? items!
        : throw new InvalidOperationException($"A {Kind} value is not a list.");

    /// <summary>True when a list of income type names contains <paramref name="type"/> (cached bit set).</summary>
    public bool ContainsIncomeType(IncomeType type)
    {
        var mask = incomeTypeMask;
        if (mask < 0)
        {
            mask = 0;
            foreach (var name in AsList())
            {
                if (Enum.TryParse<IncomeType>(name, ignoreCase: false, out var t))
                {
                    mask |= 1 << (int)t;
                }
            }

            incomeTypeMask = mask;
        }

        return (mask & (1 << (int)type)) != 0;
    }

    public bool Equals(ParameterValueData? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            ParameterValueKind.Decimal or ParameterValueKind.Integer => number == other.number,
            ParameterValueKind.Boolean => flag == other.flag,
            ParameterValueKind.String => string.Equals(text, other.text, StringComparison.Ordinal),
            ParameterValueKind.StringList => items!.AsSpan().SequenceEqual(other.items),
            _ => true,
        };
    }

    public override bool Equals(object? obj) => Equals(obj as ParameterValueData);

    public override int GetHashCode() => Kind switch
    {
        ParameterValueKind.Decimal or ParameterValueKind.Integer => HashCode.Combine(Kind, number),
        ParameterValueKind.Boolean => HashCode.Combine(Kind, flag),
        ParameterValueKind.String => HashCode.Combine(Kind, text),
        ParameterValueKind.StringList => HashCode.Combine(Kind, items!.Length),
        _ => 0,
    };

    /// <summary>Invariant text for traces and messages: 900.00, 18, true, Cent, [A, B], null.</summary>
    public override string ToString() => Kind switch
    {
        ParameterValueKind.Decimal => number.ToString(CultureInfo.InvariantCulture),
        ParameterValueKind.Integer => ((int)number).ToString(CultureInfo.InvariantCulture),
        ParameterValueKind.Boolean => flag ? "true" : "false",
        ParameterValueKind.String => text!,
        ParameterValueKind.StringList => new StringBuilder("[").AppendJoin(", ", items!).Append(']').ToString(),
        _ => "null",
    };

    public static bool operator ==(ParameterValueData? left, ParameterValueData? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(ParameterValueData? left, ParameterValueData? right) => !(left == right);
}
