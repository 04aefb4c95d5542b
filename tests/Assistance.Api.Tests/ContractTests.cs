namespace Assistance.Api.Tests;

using System.Text.Json;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>
/// The committed openapi/assistance.v1.json is the contract partners build against: it must equal what the running
/// service serves. Regenerate with <c>./scripts/update-contract.sh</c> (UPDATE_CONTRACT=1 makes this test write it).
/// </summary>
public sealed class ContractTests : ApiTestBase
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ContractPath() => Path.Combine(RepositoryRoot(), "openapi", "assistance.v1.json");

    [Test]
    public async Task OpenApiDocument_WhenServed_EqualsCommittedContract()
    {
        var response = await Factory.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.That(response.IsSuccessStatusCode, Is.True);
        var served = Normalize(await response.Content.ReadAsStringAsync(), forCommit: true);

        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ContractPath())!);
            await File.WriteAllTextAsync(ContractPath(), served + "\n");
        }

        Assert.That(File.Exists(ContractPath()), Is.True, "openapi/assistance.v1.json is missing: run ./scripts/update-contract.sh");
        var committed = Normalize(await File.ReadAllTextAsync(ContractPath()));
        Assert.That(served, Is.EqualTo(committed),
            "The served OpenAPI document differs from openapi/assistance.v1.json. If the change is intended, run ./scripts/update-contract.sh and commit the file.");
    }

    [Test]
    public async Task OpenApiDocument_DeclaresIntegersAsIntegersOnly()
    {
        var text = await File.ReadAllTextAsync(ContractPath());
        var document = JsonNode.Parse(text)!;
        var unions = Walk(document).Where(n => n is JsonArray a && a.Count > 1 && a.Any(x => x is JsonValue v && v.ToString() == "integer") && a.Any(x => x is JsonValue v && v.ToString() == "string")).ToList();
        Assert.That(unions, Is.Empty);
        Assert.That((string?)document["openapi"], Does.StartWith("3.1"));
        Assert.That(document["components"]!["securitySchemes"]!["bearer"], Is.Not.Null);
        Assert.That(document["components"]!["securitySchemes"]!["oauth2"], Is.Not.Null);
    }

    private static IEnumerable<JsonNode?> Walk(JsonNode? node)
    {
        yield return node;
        switch (node)
        {
            case JsonObject o:
                foreach (var child in o.SelectMany(p => Walk(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray a:
                foreach (var child in a.SelectMany(Walk))
                {
                    yield return child;
                }

                break;
        }
    }

    /// <summary>
    /// The served document's server is relative (it calls whoever served it); the committed file names the
    /// documented production placeholder instead. Everything else must be identical.
    /// </summary>
    private static string Normalize(string json, bool forCommit = false)
    {
        var document = JsonNode.Parse(json)!;
        if (forCommit && document["servers"]?[0] is JsonObject server)
        {
            server["url"] = Assistance.Api.OpenApi.OpenApiSetup.ProductionServerPlaceholder;
        }

        return document.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Assistance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Assistance.sln not found.");
    }
}
