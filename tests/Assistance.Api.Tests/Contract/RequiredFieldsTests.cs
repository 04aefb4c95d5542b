namespace Assistance.Api.Tests.Contract;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>
/// Required is required, for every request body in the contract: starting from the operation's own (valid) example,
/// removing any property the contract marks required, or sending null where it does not allow null, is a 400
/// problem, never a silent default and never a 5xx.
/// </summary>
public sealed class RequiredFieldsTests : ApiTestBase
{
    private static readonly JsonObject Document = JsonNode.Parse(File.ReadAllText(ContractTests.ContractPath()))!.AsObject();

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var (path, item) in Document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation!["requestBody"]?["content"]?["application/json"] is not { } media || media["example"] is not { } example)
                {
                    continue;
                }

                foreach (var (location, property, nullable) in Required(example, media["schema"]!, []))
                {
                    var name = $"{method.ToUpperInvariant()} {path} {string.Join('.', location.Append(property))}";
                    yield return new TestCaseData(method, path, example.ToJsonString(), location.ToArray(), property, false).SetName(name + " omitted");
                    if (!nullable)
                    {
                        yield return new TestCaseData(method, path, example.ToJsonString(), location.ToArray(), property, true).SetName(name + " null");
                    }
                }
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task RequiredProperty_OmittedOrNull_Is400(string method, string path, string example, string[] location, string property, bool asNull)
    {
        var body = JsonNode.Parse(example)!;
        var parent = location.Aggregate(body, (node, step) => int.TryParse(step, out var i) ? node[i]! : node[step]!);
        if (asNull)
        {
            parent[property] = null;
        }
        else
        {
            parent.AsObject().Remove(property);
        }

        var url = path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{memberId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{year}", "2026", StringComparison.Ordinal)
            .Replace("{key}", "dibao.standard.urban", StringComparison.Ordinal);
        var response = await Admin().SendJsonAsync(new HttpMethod(method.ToUpperInvariant()), url, body, ifMatch: "\"1\"");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(text, Does.Contain(property), "the problem names the property");
        });
    }

    private static IEnumerable<(List<string> Location, string Property, bool Nullable)> Required(JsonNode example, JsonNode schema, List<string> location)
    {
        schema = Resolve(schema);
        if (example is JsonObject obj && schema["properties"] is JsonObject properties)
        {
            foreach (var required in schema["required"]?.AsArray().Select(r => (string)r!) ?? [])
            {
                if (obj.ContainsKey(required))
                {
                    yield return (location, required, IsNullable(properties[required]!));
                }
            }

            foreach (var (name, value) in obj)
            {
                if (value is not null && properties[name] is { } propertySchema)
                {
                    foreach (var found in Required(value, propertySchema, [.. location, name]))
                    {
                        yield return found;
                    }
                }
            }
        }
        else if (example is JsonArray array && array.Count > 0 && array[0] is { } first && schema["items"] is { } items)
        {
            foreach (var found in Required(first, items, [.. location, "0"]))
            {
                yield return found;
            }
        }
    }

    private static JsonNode Resolve(JsonNode schema)
    {
        if ((string?)schema["$ref"] is { } reference)
        {
            return Resolve(Document["components"]!["schemas"]![reference.Split('/')[^1]]!);
        }

        return schema["oneOf"] is JsonArray oneOf ? Resolve(oneOf.First(s => (string?)s!["type"] != "null")!) : schema;
    }

    private static bool IsNullable(JsonNode schema) =>
        (string?)schema["$ref"] is { } reference ? IsNullable(Document["components"]!["schemas"]![reference.Split('/')[^1]]!) :
        schema["type"] is JsonArray types && types.Any(t => (string?)t == "null")
        || schema["oneOf"] is JsonArray oneOf && oneOf.Any(s => (string?)s!["type"] == "null");
}
