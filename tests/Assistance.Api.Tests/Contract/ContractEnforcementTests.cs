namespace Assistance.Api.Tests.Contract;

using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Api.Tests.Infrastructure;

/// <summary>The server enforces what the contract declares, names what is missing, and documents every code.</summary>
public sealed partial class ContractEnforcementTests : ApiTestBase
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Cors:AllowedOrigins:0"] = "https://app.example.org",
    };

    private static JsonObject Assessment() => JsonNode.Parse("""
        {
          "regionCode": "320682", "asOf": "2022-10-01", "residence": "Urban",
          "members": [ { "birthDate": "1950-01-01", "incomes": [ { "type": "Wage", "monthlyAmount": 150.00 } ] } ],
          "assets": { "financial": 5000.00, "motorVehicles": 0 }, "monthlyRigidExpenditure": 0.00
        }
        """)!.AsObject();

    [Test]
    public async Task Assessment_WithOptionalPartsOmitted_IsAccepted()
    {
        var response = await Factory.ClientWith("320682", "policy.read").SendJsonAsync(HttpMethod.Post, "/api/v1/assessments", Assessment());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase("residence", null)]
    [TestCase("assets.motorVehicles", null)]
    [TestCase("members[0].incomes[0].type", null)]
    [TestCase("members[0].incomes[0].monthlyAmount", null)]
    [TestCase("members[0].incomes[0].monthlyAmount", "9.2e18")]
    [TestCase("monthlyRigidExpenditure", "100000000")]
    [TestCase("regionCode", "\"3206820000001\"")]
    public async Task Assessment_BreakingTheContract_Is400_NamingTheField(string path, string? value)
    {
        var body = Assessment();
        var parts = path.Split('.');
        JsonNode parent = body;
        foreach (var part in parts[..^1])
        {
            var m = Regex.Match(part, @"^(\w+)(?:\[(\d+)\])?$");
            parent = parent[m.Groups[1].Value]!;
            if (m.Groups[2].Success)
            {
                parent = parent[int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)]!;
            }
        }

        var leaf = parts[^1];
        if (value is null)
        {
            parent.AsObject().Remove(leaf);
        }
        else
        {
            parent[leaf] = JsonNode.Parse(value);
        }

        var response = await Factory.ClientWith("320682", "policy.read").SendJsonAsync(HttpMethod.Post, "/api/v1/assessments", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        var problem = JsonNode.Parse(text)!;
        Assert.That((string?)problem["code"], Is.AnyOf("validation.failed", "request.malformed-json"));
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Has.Some.EqualTo(path).Or.Some.EqualTo(leaf), text);
        Assert.That(text, Does.Not.Contain("Assistance."), "no type names");
    }

    [Test]
    public async Task Household_NullForARequiredField_Is400_AndNothingIsWritten()
    {
        var body = new JsonObject
        {
            ["regionCode"] = null,
            ["residence"] = "Urban",
            ["address"] = "江苏省如皋市如城街道人民路1号",
            ["members"] = new JsonArray(new JsonObject { ["idNumber"] = Assistance.Api.OpenApi.ContractExamples.Id("32068219900101001"), ["name"] = "张三", ["relationship"] = "Head" }),
        };
        var client = Admin();
        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/households", body);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!["regionCode"], Is.Not.Null);
        var list = await (await client.GetAsync(new Uri("/api/v1/households", UriKind.Relative))).JsonAsync();
        Assert.That(list["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Forbidden_NamesTheMissingScope()
    {
        var response = await Factory.ClientWith("320682", "registry.read").SendJsonAsync(HttpMethod.Post, "/api/v1/assessments", Assessment());
        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        Assert.Multiple(() =>
        {
            Assert.That(problem["missingScopes"]!.AsArray().Select(s => (string?)s), Is.EqualTo(new[] { "policy.read" }));
            Assert.That((string?)problem["detail"], Does.Contain("policy.read"));
        });
    }

    [Test]
    public async Task ProblemType_ResolvesToItsDocumentation()
    {
        var client = Factory.ClientWith("320682", "policy.read");
        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments", new JsonObject());
        var problem = await response.JsonAsync();
        var type = (string?)problem["type"];
        Assert.That(type, Is.EqualTo("/problems/" + (string?)problem["code"]));
        var anonymous = Factory.CreateClient();
        var documentation = await anonymous.GetAsync(new Uri(type!, UriKind.Relative));
        var text = await documentation.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(documentation.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.Contain((string?)problem["code"]));
        });
    }

    [Test]
    public async Task Cors_PreflightFromAnAllowedOrigin_IsAnsweredWithoutAToken()
    {
        var client = Factory.CreateClient();
        using var allowed = new HttpRequestMessage(HttpMethod.Options, "/api/v1/households");
        allowed.Headers.Add("Origin", "https://app.example.org");
        allowed.Headers.Add("Access-Control-Request-Method", "POST");
        allowed.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
        var response = await client.SendAsync(allowed);
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(204));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "https://app.example.org" }));
        });

        using var other = new HttpRequestMessage(HttpMethod.Options, "/api/v1/households");
        other.Headers.Add("Origin", "https://evil.example.com");
        other.Headers.Add("Access-Control-Request-Method", "POST");
        var refused = await client.SendAsync(other);
        Assert.That(refused.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public void ErrorCatalogue_ListsExactlyTheCodesTheSourceCanReturn()
    {
        var root = RepositoryRoot();
        var documented = ErrorCatalogue.Parse(File.ReadAllText(Path.Combine(root, "docs", "errors.md"))).Keys.ToHashSet();
        var inSource = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)!) is not ("obj" or "bin") && !f.Contains("/tests/", StringComparison.Ordinal)
                && !f.Contains("/benchmarks/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in CodeLiteral().Matches(text))
            {
                inSource.Add(match.Groups["code"].Value);
            }

            foreach (Match match in EntityLiteral().Matches(text))
            {
                var entity = Kebab(match.Groups["entity"].Value);
                inSource.Add(entity + (match.Groups["kind"].Value == "NotFound" ? ".not-found" : ".version-mismatch"));
            }
        }

        inSource.Add("household.not-found"); // HouseholdRegistration.EntityType
        inSource.Add("household.version-mismatch");
        Assert.Multiple(() =>
        {
            Assert.That(inSource.Except(documented).Order(), Is.Empty, "codes the service returns that docs/errors.md does not list");
            Assert.That(documented.Except(inSource).Order(), Is.Empty, "codes docs/errors.md lists that the service never returns");
        });
    }

    [Test]
    public void RunSh_DevToken_CarriesExactlyTheScopesThatExist()
    {
        var line = File.ReadAllLines(Path.Combine(RepositoryRoot(), "run.sh")).Single(l => l.StartsWith("SCOPES=", StringComparison.Ordinal));
        var scopes = line["SCOPES=".Length..].Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(scopes, Is.EquivalentTo(Scopes.All));
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Assistance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Assistance.sln not found.");
    }

    [GeneratedRegex(@"(?:Code\s*=>\s*|BusinessRuleViolationException\(\s*|RejectedException\(\s*\d{3},\s*|WriteAsync\([^,;]+,\s*\d+,\s*|\d{3}\s*=>\s*)""(?<code>[a-z]+(?:-[a-z]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+)""")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"(?<kind>NotFound|VersionMismatch)Exception\(""(?<entity>[A-Za-z]+)""")]
    private static partial Regex EntityLiteral();
}
