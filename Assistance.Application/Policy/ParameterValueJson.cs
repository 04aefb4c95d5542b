namespace Assistance.Application.Policy;

using System.Text.Json;
using Assistance.Domain.Common;
using Assistance.Domain.Policy;

/// <summary>
/// Reads a <see cref="ParameterValueData"/> from JSON: a policy pack's <c>value</c>, a request body's value, a stored
/// <c>jsonb</c> value. JSON is a format at the edge, so it is read here and the Domain type stays free of it.
/// </summary>
public static class ParameterValueJson
{
    /// <summary>Reads a JSON value (number, boolean, string, array of strings, null); the field names the error.</summary>
    public static ParameterValueData Read(JsonElement element, string field)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return ParameterValueData.Null;
            case JsonValueKind.True:
                return ParameterValueData.FromBoolean(true);
            case JsonValueKind.False:
                return ParameterValueData.FromBoolean(false);
            case JsonValueKind.String:
                return ParameterValueData.FromString(element.GetString()!);
            case JsonValueKind.Number:
                if (element.TryGetInt32(out var i) && !element.GetRawText().Contains('.', StringComparison.Ordinal))
                {
                    return ParameterValueData.FromInteger(i);
                }

                return element.TryGetDecimal(out var d)
                    ? ParameterValueData.FromDecimal(d)
                    : throw new DomainValidationException(field, "Number is out of range.");
            case JsonValueKind.Array:
                var list = new List<string>();
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        throw new DomainValidationException(field, "A list parameter holds strings only.");
                    }

                    list.Add(item.GetString()!);
                }

                return ParameterValueData.FromList(list);
            default:
                throw new DomainValidationException(field, $"A parameter value cannot be a JSON {element.ValueKind}.");
        }
    }
}
