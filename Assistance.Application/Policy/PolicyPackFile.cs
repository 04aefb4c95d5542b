namespace Assistance.Application.Policy;

using System.Globalization;
using System.Text.Json;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>
/// Parses a policy pack (format documented in policy/README.md). Pure: takes the JSON text, does no I/O.
/// Every value is checked against the <see cref="ParameterCatalog"/>; errors are
/// <see cref="DomainValidationException"/>s naming the JSON path (e.g. <c>values[3].value</c>) and the key.
/// </summary>
public static class PolicyPackFile
{
    public static PolicyPack Parse(string json, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = ParseDocument(json);
        var root = document.RootElement;
        var region = RegionCode.Parse(RequiredString(root, "region", "region"), "region");
        var title = RequiredString(root, "title", "title");
        if (!root.TryGetProperty("values", out var valuesElement) || valuesElement.ValueKind != JsonValueKind.Array)
        {
            throw new DomainValidationException("values", "A policy pack needs a 'values' array.");
        }

        var values = new List<ParameterValue>();
        var index = 0;
        foreach (var item in valuesElement.EnumerateArray())
        {
            var path = "values[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            var key = RequiredString(item, "key", path + ".key");
            if (!ParameterCatalog.TryGet(key, out var definition))
            {
                throw new DomainValidationException(path + ".key", $"'{key}' is not a known parameter key.");
            }

            var from = RequiredDate(item, "from", path + ".from")!.Value;
            var to = OptionalDate(item, "to", path + ".to");
            if (to is { } end && end <= from)
            {
                throw new DomainValidationException(path + ".to", $"{key}: 'to' ({end:yyyy-MM-dd}) must be after 'from' ({from:yyyy-MM-dd}).");
            }

            if (!item.TryGetProperty("value", out var valueElement))
            {
                throw new DomainValidationException(path + ".value", $"{key}: 'value' is required (use null to end the parameter).");
            }

            ParameterValueData value;
            try
            {
                value = definition.Validate(ParameterValueJson.Read(valueElement, path + ".value"));
            }
            catch (DomainValidationException e) when (e.Field == key)
            {
                throw new DomainValidationException(path + ".value", e.Message);
            }

            var source = RequiredString(item, "source", path + ".source");
            var demo = item.TryGetProperty("demo", out var demoElement) && demoElement.ValueKind == JsonValueKind.True;
            var residence = OptionalResidence(item, path + ".residence");
            values.Add(new ParameterValue(key, region, from, to, value, source, demo, recordedAt, Residence: residence));
            index++;
        }

        return new PolicyPack(region, title, values);
    }

    /// <summary>Absent or null = the value is for both residence types; otherwise "Urban" or "Rural" .</summary>
    internal static ResidenceType? OptionalResidence(JsonElement element, string path)
    {
        if (!element.TryGetProperty("residence", out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return property.ValueKind == JsonValueKind.String && property.GetString() is "Urban" or "Rural"
            ? Enum.Parse<ResidenceType>(property.GetString()!)
            : throw new DomainValidationException(path, "'residence' must be \"Urban\", \"Rural\" or absent (both).");
    }

    internal static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new DomainValidationException("$", "Not valid JSON: " + e.Message);
        }
    }

    internal static string RequiredString(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String && property.GetString() is { Length: > 0 } text
            ? text
            : throw new DomainValidationException(path, $"'{name}' is required and must be a non-empty string.");

    internal static DateOnly? RequiredDate(JsonElement element, string name, string path) =>
        OptionalDate(element, name, path) ?? throw new DomainValidationException(path, $"'{name}' is required (YYYY-MM-DD).");

    internal static DateOnly? OptionalDate(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return property.ValueKind == JsonValueKind.String
               && DateOnly.TryParseExact(property.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new DomainValidationException(path, $"'{name}' must be a date YYYY-MM-DD.");
    }
}
