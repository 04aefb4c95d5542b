namespace Assistance.Api.Http;

using System.Reflection;
using System.Text.Json.Serialization.Metadata;

/// <summary>
/// An omitted number, boolean, date or enum would otherwise arrive as its default (0, false, 0001-01-01, the first
/// member), silently. For the API's own records, a constructor parameter of a non-nullable value type without a
/// default is therefore required when reading JSON: the reader refuses the body, and the problem names the
/// property. The contract marks exactly these properties required (with those marked <c>[Required]</c>).
/// </summary>
public static class RequiredValuesModifier
{
    public static void Apply(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Namespace?.StartsWith("Assistance.", StringComparison.Ordinal) != true
            || typeInfo.Type.GetMethod("<Clone>$") is null)
        {
            return;
        }

        var parameters = typeInfo.Type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters() ?? [];
        foreach (var property in typeInfo.Properties)
        {
            var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            if (parameter is { HasDefaultValue: false } && parameter.ParameterType.IsValueType && Nullable.GetUnderlyingType(parameter.ParameterType) is null)
            {
                property.IsRequired = true;
            }
        }
    }
}
