namespace Assistance.Api.Tests.Contract;

using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assistance.Api.OpenApi;
using Assistance.Api.Security;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Domain.Households;

/// <summary>
/// The document a partner generates a client from: every operation described with its rules and scopes, every
/// body with a valid example, types a generator can use, and a server that reaches the API that served it.
/// </summary>
public sealed class ContractDocumentTests : ApiTestBase
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private static JsonNode Committed() => JsonNode.Parse(File.ReadAllText(ContractTests.ContractPath()))!;

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => Methods.Contains(m.Key))
            .Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    [Test]
    public async Task ServedDocument_ServerIsRelative_AndReachesTheApiThatServedIt()
    {
        var client = Admin();
        var documentUri = new Uri(client.BaseAddress!, "/openapi/v1.json");
        var document = JsonNode.Parse(await client.GetStringAsync(documentUri))!;
        var server = (string?)document["servers"]![0]!["url"];
        Assert.That(server, Is.EqualTo("/"), "the served document's server must be relative to where it was fetched");

        // What Swagger UI does: resolve the server against the document's own URL, then call an operation.
        var baseUri = new Uri(documentUri, server);
        var response = await client.GetAsync(new Uri(baseUri, "api/v1/regions/320682"));
        var body = await response.JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)body["code"], Is.EqualTo("320682"));
            Assert.That((string?)Committed()["servers"]![0]!["url"], Is.EqualTo(OpenApiSetup.ProductionServerPlaceholder));
        });
    }

    [Test]
    public void EveryOperation_HasDescription_Example_AndScopes()
    {
        var document = Committed();
        var declared = document["components"]!["securitySchemes"]!["oauth2"]!["flows"]!["clientCredentials"]!["scopes"]!.AsObject()
            .Select(p => p.Key).ToList();
        Assert.That(declared, Is.EquivalentTo(Scopes.All), "the oauth2 scheme declares exactly the scopes the API checks");
        var problems = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            var id = (string?)operation["operationId"];
            var description = (string?)operation["description"] ?? string.Empty;
            if (id is null || !OperationDocs.Rules.ContainsKey(id) || !description.Contains(OperationDocs.Rules[id], StringComparison.Ordinal))
            {
                problems.Add($"{name}: no description of its rules (OperationDocs)");
            }

            if (!description.Contains("Scopes:", StringComparison.Ordinal))
            {
                problems.Add($"{name}: description does not name its scopes");
            }

            var security = operation["security"]?.AsArray();
            var scopes = security?.Select(r => r!["oauth2"]).OfType<JsonArray>().FirstOrDefault()?.Select(s => (string)s!).ToList();
            if (scopes is null || scopes.Count == 0 && path != "/api/v1/regions" && path != "/api/v1/regions/{code}")
            {
                problems.Add($"{name}: no oauth2 scopes in its security requirement");
            }
            else if (scopes.Any(s => !declared.Contains(s)) || scopes.Any(s => !description.Contains($"`{s}`", StringComparison.Ordinal)))
            {
                problems.Add($"{name}: scopes {string.Join(",", scopes)} not declared or not described");
            }

            if (operation["requestBody"] is { } body)
            {
                // JSON bodies, and NDJSON (household imports: the example is one line's household).
                if ((body["content"]!["application/json"] ?? body["content"]!["application/x-ndjson"])?["example"] is null)
                {
                    problems.Add($"{name}: request body has no example");
                }

                if ((string?)body["description"] is { } text && text.Contains("cancellation", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{name}: request body described as '{text}'");
                }
            }

            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                if (status.StartsWith('2') && response!["content"]?["application/json"] is { } media && media["example"] is null)
                {
                    problems.Add($"{name}: response {status} has no example");
                }
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Schemas_AreTyped_ForGenerators()
    {
        var document = Committed();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var text = document.ToJsonString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("Request cancellation"));
            Assert.That(schemas.ContainsKey("JsonElement"), Is.False, "free-form values are the typed ParameterValue");
            foreach (var (name, schema) in schemas)
            {
                if (schema!["enum"] is JsonArray values)
                {
                    Assert.That((string?)schema["type"], Is.EqualTo("string"), $"{name}: enums are strings");
                    Assert.That(values.Any(v => v is null), Is.False, $"{name}: null belongs at the nullable use, not in the enum");
                }
            }

            var oneOf = schemas["ParameterValue"]!["oneOf"]!.AsArray().Select(s => (string?)s!["type"]).ToList();
            Assert.That(oneOf, Is.EquivalentTo(new[] { "number", "string", "boolean", "array", "null" }));
            Assert.That((string?)schemas["AssessmentRequest"]!["properties"]!["parameterOverrides"]!["additionalProperties"]!["$ref"], Does.EndWith("/ParameterValue"));
            Assert.That((string?)schemas["TraceParameterDto"]!["properties"]!["value"]!["$ref"], Does.EndWith("/ParameterValue"));
            Assert.That(schemas["EnrolmentDto"]!["properties"]!["dibaoClass"]!.ToJsonString(), Does.Contain("#/components/schemas/DibaoClass"));
            Assert.That(schemas["AssessmentRequest"]!["required"]!.AsArray().Select(r => (string?)r), Does.Not.Contain("parameterOverrides"));
            Assert.That(schemas["AssessmentMemberDto"]!["required"]?.AsArray().Select(r => (string?)r) ?? [], Does.Not.Contain("idNumber"));
        });

        // One integer convention: no maximum beyond what a JSON number holds exactly (2^53 - 1).
        var maxima = Walk(document).OfType<JsonObject>().Where(o => o["type"] is JsonValue t && t.ToString() == "integer" && o["maximum"] is not null)
            .Select(o => decimal.Parse(o["maximum"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(maxima.Where(m => m > 9007199254740991m), Is.Empty);
    }

    [Test]
    public void RequestSchemas_NeverOfferNull_WhereTheServerRefusesIt()
    {
        var document = Committed();
        var schemas = document["components"]!["schemas"]!.AsObject();
        // HouseholdInput's [Required] properties: the server answers 400 for null, so the contract says non-null.
        foreach (var name in new[] { "regionCode", "residence", "address", "members" })
        {
            var property = schemas["HouseholdInput"]!["properties"]![name]!;
            Assert.That(property.ToJsonString(), Does.Not.Contain("\"null\""), $"HouseholdInput.{name}");
        }
    }

    [Test]
    public void Examples_UseValidIdNumbers_AndRegisteredRegions()
    {
        var document = Committed();
        var ids = Walk(document).OfType<JsonObject>().SelectMany(o => o)
            .Where(p => p.Key.EndsWith("dNumber", StringComparison.Ordinal) && p.Value is JsonValue v && v.TryGetValue<string>(out _))
            .Select(p => (string)p.Value!).Where(s => Regex.IsMatch(s, "^[0-9]{17}[0-9X]$")).Distinct().ToList();
        Assert.That(ids, Is.Not.Empty);
        Assert.That(ids.Where(id => !NationalId.TryParse(id, out _)), Is.Empty, "every example ID number carries its GB 11643 check character");
        var regions = Walk(document).OfType<JsonObject>().SelectMany(o => o).Where(p => p.Key == "regionCode" && p.Value is JsonValue)
            .Select(p => (string?)p.Value).Distinct().ToList();
        Assert.That(regions, Is.EquivalentTo(new[] { "320682" }));
    }

    [Test]
    public void ReadmeAndDocs_UseValidIdNumbers_AndNeverLinkOutsideTheRepository()
    {
        var root = ContractEnforcementTests.RepositoryRoot();
        var files = new[] { Path.Combine(root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(root, "docs", "examples"), "*.json")).ToList();
        var ids = files.SelectMany(f => Regex.Matches(File.ReadAllText(f), "(?<![0-9])[0-9]{17}[0-9X](?![0-9])").Select(m => (File: Path.GetFileName(f), Id: m.Value)))
            .Where(x => x.Id.StartsWith("32", StringComparison.Ordinal)).ToList();
        Assert.That(ids, Is.Not.Empty);
        Assert.That(ids.Where(x => !NationalId.TryParse(x.Id, out _)), Is.Empty, "ID numbers in the docs carry a valid check character");
        var outside = files.Where(f => File.ReadAllText(f).Contains("../shared", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
        Assert.That(outside, Is.Empty, "README and docs/ stand alone: a clone has no ../shared");
    }

    private static IEnumerable<JsonNode?> Walk(JsonNode? node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.SelectMany(Walk))
        {
            yield return child;
        }
    }
}
