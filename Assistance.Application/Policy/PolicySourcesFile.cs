namespace Assistance.Application.Policy;

using System.Globalization;
using System.Text.Json;
using Assistance.Domain.Common;
using Assistance.Domain.Policy;

/// <summary>Parses policy/sources.json (format in policy/README.md). Pure.</summary>
public static class PolicySourcesFile
{
    public static IReadOnlyList<PolicySource> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = PolicyPackFile.ParseDocument(json);
        if (!document.RootElement.TryGetProperty("sources", out var sources) || sources.ValueKind != JsonValueKind.Array)
        {
            throw new DomainValidationException("sources", "The file needs a 'sources' array.");
        }

        var list = new List<PolicySource>();
        var index = 0;
        foreach (var item in sources.EnumerateArray())
        {
            var path = "sources[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            list.Add(new PolicySource(
                PolicyPackFile.RequiredString(item, "id", path + ".id"),
                PolicyPackFile.RequiredString(item, "title", path + ".title"),
                OptionalString(item, "documentNumber"),
                PolicyPackFile.RequiredString(item, "jurisdiction", path + ".jurisdiction"),
                PolicyPackFile.OptionalDate(item, "date", path + ".date"),
                PolicyPackFile.OptionalDate(item, "inForceFrom", path + ".inForceFrom"),
                OptionalString(item, "file")));
            index++;
        }

        return list;
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
