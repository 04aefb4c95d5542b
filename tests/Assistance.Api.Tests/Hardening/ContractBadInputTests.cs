namespace Assistance.Api.Tests.Hardening;

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assistance.Api.Tests.Infrastructure;
using Npgsql;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>
/// Issue 7's "done when": for every operation of the committed contract, malformed and hostile requests (wrong
/// types, missing fields, NUL and control characters, huge numbers, deep nesting, invalid UTF-8, hostile Accept
/// headers, forged cursors, unknown ids). Each must be a 4xx problem+json with a stable code, with no stack trace,
/// no framework or C# type name, no echo of the input, and must write nothing (row counts of every table unchanged).
/// The caller holds every scope nationally, so authorization never hides a fault.
/// </summary>
public sealed partial class ContractBadInputTests : ApiTestBase
{
    private const string Marker = "zq7hostile";
    private static readonly JsonObject Contract = (JsonObject)JsonNode.Parse(File.ReadAllText(ContractTests.ContractPath()))!;
    private Guid householdId;
    private Guid memberId;

    public sealed record Operation(string Method, string Path, JsonObject Definition)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    public static IEnumerable<TestCaseData> Operations() =>
        Contract["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => op.Key is "get" or "post" or "put" or "delete" or "patch")
                .Select(op => new Operation(op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject())))
            .Select(op => new TestCaseData(op).SetName($"EveryOperation_HostileInput_Is4xxProblemAndWritesNothing({op.Method} {op.Path})"));

    [Test]
    public void TheContractHasOperations_SoTheSuiteBelowIsNotVacuous() => Assert.That(Operations().Count(), Is.GreaterThan(40));

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        var (household, _) = await CreateAsync(Admin(), SimpleHousehold());
        householdId = Guid.Parse((string)household["id"]!);
        memberId = Guid.Parse((string)household["members"]![0]!["id"]!);
    }

    [TestCaseSource(nameof(Operations))]
    public async Task EveryOperation_HostileInput_Is4xxProblemAndWritesNothing(Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var before = await RowCountsAsync();
        var client = Admin();
        var url = FillPath(operation);
        var requests = new List<(string Label, Func<HttpRequestMessage> Make)>();

        // Every operation: a NUL in an (unknown) query parameter, with and without a hostile Accept header.
        foreach (var accept in new[] { "application/json", "application/xml", "text/html", "*/*;q=0, image/png" })
        {
            requests.Add(($"NUL query, Accept {accept}", () => Request(operation, url + "?" + Marker + "=%00", accept)));
        }

        foreach (var parameter in Parameters(operation, "query"))
        {
            var name = (string)parameter["name"]!;
            foreach (var bad in QueryValues(parameter))
            {
                requests.Add(($"query {name}={bad}", () => Request(operation, $"{url}?{name}={bad}", "text/html")));
            }
        }

        foreach (var parameter in Parameters(operation, "path"))
        {
            var name = (string)parameter["name"]!;
            // (A NUL in the path never reaches the API: the in-memory client refuses to send it and Kestrel answers 400.)
            foreach (var bad in new[] { "%01", "not-an-id-" + Marker, "99999999999999999999", "%E2%80%AE", "..%2F..%2Fhealth%2Flive" })
            {
                var hostile = operation.Path.Replace("{" + name + "}", bad, StringComparison.Ordinal);
                requests.Add(($"path {name}={bad}", () => Request(operation, FillPath(operation with { Path = hostile }), "application/xml")));
            }
        }

        if (operation.Definition["requestBody"] is JsonObject requestBody)
        {
            // JSON, or NDJSON for household imports (each bad body is then one bad line).
            var mediaType = requestBody["content"]!.AsObject().Select(c => c.Key).First();
            var schema = requestBody["content"]![mediaType]!["schema"]!;
            var sample = Sample(schema, 0) ?? new JsonObject();
            foreach (var (label, bytes) in BadBodies(schema, sample))
            {
                requests.Add(($"body {label}", () => Request(operation, url, "text/html", bytes, mediaType)));
            }

            requests.Add(("body as text/plain", () => Request(operation, url, null, Encoding.UTF8.GetBytes(sample.ToJsonString()), "text/plain")));
        }

        foreach (var (label, make) in requests)
        {
            using var request = make();
            using var response = await client.SendAsync(request);
            await AssertCleanProblemAsync(response, $"{operation} [{label}]");
        }

        Assert.That(await RowCountsAsync(), Is.EqualTo(before), $"{operation}: a refused request wrote something");
    }

    private static HttpRequestMessage Request(Operation operation, string url, string? accept, byte[]? body = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (Parameters(operation, "header").Any(p => (string?)p["name"] == "If-Match"))
        {
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return request;
    }

    private static IEnumerable<JsonObject> Parameters(Operation operation, string location) =>
        (operation.Definition["parameters"]?.AsArray() ?? []).OfType<JsonObject>().Where(p => (string?)p["in"] == location);

    private string FillPath(Operation operation)
    {
        var path = operation.Path;
        foreach (var parameter in Parameters(operation, "path"))
        {
            var name = (string)parameter["name"]!;
            var value = name switch
            {
                "id" when path.StartsWith("/api/v1/households/", StringComparison.Ordinal) => householdId.ToString(),
                "memberId" => memberId.ToString(),
                "year" => "2026",
                "code" => "320682",
                "key" => "dibao.standard.urban",
                _ => Guid.NewGuid().ToString(),
            };
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>Values no parameter of that schema accepts, plus text-rule breakers for every parameter.</summary>
    private static IEnumerable<string> QueryValues(JsonObject parameter)
    {
        yield return "%00";
        yield return Marker + "%1B%5B31m";
        yield return Marker + "%E2%80%AE";
        if (parameter["name"]?.ToString() == "cursor")
        {
            yield return "forged-" + Marker;
            yield return Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"P\":\"" + Marker + "\",\"F\":\"0\"}")));
            yield return Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"P\":\"x\",\"F\":\"y\",\"C\":\"z\"}")) + ".c2lnbmF0dXJl");
            yield return new string('A', 1200);
        }

        var schema = parameter["schema"];
        var type = Type(schema);
        if (type is "integer" or "number" or "boolean" || (string?)schema?["format"] is "date" or "date-time" or "uuid" || schema?["enum"] is not null || schema?["$ref"] is not null)
        {
            yield return Marker;
            yield return "99999999999999999999";
            yield return "1e400";
        }

        if ((string?)parameter["name"] is "regionCode" or "parentCode")
        {
            yield return "12345";
            yield return "3206820011";
        }
    }

    private static string? Type(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue value => (string?)value,
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    private static JsonNode? Resolve(JsonNode? schema)
    {
        while (schema?["$ref"] is JsonValue reference)
        {
            schema = Contract["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        }

        return schema;
    }

    /// <summary>A plausible instance of the schema (valid shapes, not necessarily valid business data).</summary>
    private static JsonNode? Sample(JsonNode? schema, int depth)
    {
        schema = Resolve(schema);
        if (schema is null || depth > 6)
        {
            return null;
        }

        if (schema["enum"] is JsonArray values)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[combinator] is JsonArray options)
            {
                return options.Select(o => Sample(o, depth + 1)).FirstOrDefault(s => s is not null);
            }
        }

        return Type(schema) switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? []).Select(p => KeyValuePair.Create(p.Key, Sample(p.Value, depth + 1)))),
            "array" => new JsonArray(Sample(schema["items"], depth + 1)),
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            "string" => (string?)schema["format"] switch
            {
                "date" => "2026-03-02",
                "date-time" => "2026-03-02T09:00:00+08:00",
                "uuid" => Guid.NewGuid().ToString(),
                _ => "样本",
            },
            _ => null,
        };
    }

    private static IEnumerable<(string Label, byte[] Body)> BadBodies(JsonNode schema, JsonNode sample)
    {
        static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        yield return ("truncated", Utf8("{\"" + Marker + "\":"));
        yield return ("empty", []);
        yield return ("root array", Utf8("[]"));
        yield return ("root string", Utf8("\"" + Marker + "\""));
        yield return ("root null", Utf8("null"));
        yield return ("root number", Utf8("1e400"));
        yield return ("deeply nested", Utf8("{\"" + Marker + "\":" + new string('[', 500) + new string(']', 500) + "}"));
        yield return ("invalid UTF-8", [.. Utf8("{\"" + Marker + "\":\""), 0xC3, 0x28, 0xFF, .. Utf8("\"}")]);
        yield return ("NUL in a property name", Utf8("{\"a\\u0000b\":1}"));

        var resolved = Resolve(schema);
        if (Type(resolved) == "object" && resolved!["required"] is JsonArray { Count: > 0 })
        {
            yield return ("{} without required fields", Utf8("{}"));
        }

        if (sample is not JsonObject fields)
        {
            yield break;
        }

        foreach (var (name, value) in fields.ToList())
        {
            var propertySchema = Resolve(resolved?["properties"]?[name]);
            var type = Type(propertySchema);
            var mutations = new List<(string, JsonNode?)>
            {
                ("object for a " + (type ?? "value"), new JsonObject { [Marker] = 1 }),
                ("deep nesting", "__DEEP__"),
            };
            if (type is "string" || propertySchema?["enum"] is not null)
            {
                mutations.Add(("number", 12345));
                mutations.Add(("NUL", "a\u0000" + Marker));
                mutations.Add(("escape sequence", "a\u001B[31m" + Marker));
                mutations.Add(("bidi override", "a\u202E" + Marker));
            }
            else if (type is "integer" or "number")
            {
                mutations.Add(("string", Marker));
                mutations.Add(("huge", JsonNode.Parse("1e400")));
                mutations.Add(("huge negative", JsonNode.Parse("-1e400")));
            }
            else if (type is "array")
            {
                mutations.Add(("string for an array", Marker));
                mutations.Add(("[NUL]", new JsonArray("\u0000")));
            }

            foreach (var (label, replacement) in mutations)
            {
                var copy = fields.DeepClone().AsObject();
                copy[name] = replacement;
                var text = copy.ToJsonString().Replace("\"__DEEP__\"", new string('[', 200) + new string(']', 200), StringComparison.Ordinal);
                yield return ($"{name}: {label}", Utf8(text));
            }

            if (type is "string" && value is not null)
            {
                var copy = fields.DeepClone().AsObject();
                copy[name] = "__INVALID__";
                var parts = copy.ToJsonString().Split("__INVALID__");
                yield return ($"{name}: invalid UTF-8", [.. Utf8(parts[0]), 0xED, 0xA0, 0x80, .. Utf8(parts[1])]);
            }
        }
    }

    private static async Task AssertCleanProblemAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.That(status, Is.InRange(400, 499), $"{what}: {status} {text}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), $"{what}: {text}");
        var problem = JsonNode.Parse(text)!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["code"], Does.Match("^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+$"), $"{what}: {text}");
            Assert.That((int?)problem["status"], Is.EqualTo(status), what);
            Assert.That(text, Does.Not.Contain(Marker), $"{what}: the problem echoes the input");
            Assert.That(Leak().IsMatch(text), Is.False, $"{what}: the problem leaks internals: {text}");
        });
    }

    /// <summary>Stack frames, exception and framework type names, C# type spellings, source paths.</summary>
    [GeneratedRegex(@"\s at |Exception|System\.|Microsoft\.|Npgsql|Assistance\.|Nullable|Int32|Int64|Decimal\b|String\b|Guid\b|DateOnly|IReadOnlyList|\.cs\b|/work/|Failed to bind|Implicit body")]
    private static partial Regex Leak();

    private async Task<IReadOnlyDictionary<string, long>> RowCountsAsync()
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
