namespace Assistance.Domain.Policy;

using Assistance.Domain.Common;

/// <summary>The declared type of a parameter in the catalog (domain.md §2).</summary>
#pragma warning disable CA1720 // The members name the catalog's declared value types (domain.md §2), on purpose.
public enum ParameterType
{
    Decimal,
    Integer,
    Boolean,
    String,

    /// <summary>A string limited to <see cref="ParameterDefinition.AllowedValues"/>.</summary>
    EnumString,

    /// <summary>A list of strings limited to <see cref="ParameterDefinition.AllowedValues"/> (IncomeType names).</summary>
    StringList,
}
#pragma warning restore CA1720

/// <summary>
/// One key of the parameter catalog (保障标准与政策参数): its type, unit and meaning. A value given for the
/// key must have that type (R-02); null is always allowed, it ends or unsets the parameter.
/// </summary>
public sealed class ParameterDefinition
{
    internal ParameterDefinition(int ordinal, string key, ParameterType type, string unit, string description, IReadOnlyList<string>? allowedValues = null)
    {
        Ordinal = ordinal;
        Key = key;
        Type = type;
        Unit = unit;
        Description = description;
        AllowedValues = allowedValues ?? [];
    }

    /// <summary>Position in <see cref="ParameterCatalog.All"/>; lets a resolved set be an array, not a dictionary.</summary>
    public int Ordinal { get; }

    public string Key { get; }

    public ParameterType Type { get; }

    public string Unit { get; }

    public string Description { get; }

    /// <summary>For enum strings and lists: the permitted values; empty otherwise.</summary>
    public IReadOnlyList<string> AllowedValues { get; }

    /// <summary>
    /// Checks a value against the declared type and returns it normalised (an integer given for a decimal key
    /// becomes a decimal; a whole decimal given for an integer key becomes an integer). Throws a
    /// <see cref="DomainValidationException"/> naming the key when the type or an enum value is wrong.
    /// </summary>
    public ParameterValueData Validate(ParameterValueData value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.IsNull)
        {
            return value;
        }

        switch (Type)
        {
            case ParameterType.Decimal when value.Kind is ParameterValueKind.Decimal or ParameterValueKind.Integer:
                return value.Kind == ParameterValueKind.Decimal ? value : ParameterValueData.FromDecimal(value.AsDecimal());
            case ParameterType.Integer when value.Kind == ParameterValueKind.Integer:
                return value;
            case ParameterType.Integer when value.Kind == ParameterValueKind.Decimal
                                            && decimal.Truncate(value.AsDecimal()) == value.AsDecimal()
                                            && value.AsDecimal() is >= int.MinValue and <= int.MaxValue:
                return ParameterValueData.FromInteger((int)value.AsDecimal());
            case ParameterType.Boolean when value.Kind == ParameterValueKind.Boolean:
            case ParameterType.String when value.Kind == ParameterValueKind.String:
                return value;
            case ParameterType.EnumString when value.Kind == ParameterValueKind.String:
                if (!AllowedValues.Contains(value.AsString(), StringComparer.Ordinal))
                {
                    throw new DomainValidationException(Key, $"'{value.AsString()}' is not allowed for {Key}; expected one of {string.Join(" | ", AllowedValues)}.");
                }

                return value;
            case ParameterType.StringList when value.Kind == ParameterValueKind.StringList:
                foreach (var item in value.AsList())
                {
                    if (!AllowedValues.Contains(item, StringComparer.Ordinal))
                    {
                        throw new DomainValidationException(Key, $"'{item}' is not allowed in {Key}; expected names from {string.Join(" | ", AllowedValues)}.");
                    }
                }

                return value;
            default:
                throw new DomainValidationException(Key, $"{Key} expects a {Describe(Type)}, not a {value.Kind} value.");
        }
    }

    private static string Describe(ParameterType type) => type switch
    {
        ParameterType.Decimal => "decimal number",
        ParameterType.Integer => "whole number",
        ParameterType.Boolean => "boolean",
        ParameterType.EnumString => "string from a fixed set",
        ParameterType.StringList => "list of strings",
        _ => "string",
    };

    public override string ToString() => Key;
}
