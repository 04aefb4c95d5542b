namespace Assistance.Api.Tests.Hardening;

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>Issue 7, "errors never become 500s, never leak internals": each test is one of the reported inputs.</summary>
public sealed class EdgeErrorTests : ApiTestBase
{
    private HttpClient Writer() => Factory.ClientWith("320682", "registry.read", "registry.write", "audit.read");

    private static HttpRequestMessage Raw(HttpMethod method, string url, byte[] body, string? accept = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    private static HttpRequestMessage Raw(HttpMethod method, string url, string json, string? accept = null) =>
        Raw(method, url, Encoding.UTF8.GetBytes(json), accept);

    [TestCase("application/xml")]
    [TestCase("text/html")]
    [TestCase("text/html,application/xhtml+xml;q=0.9")]
    [TestCase("image/png")]
    public async Task AnyAcceptHeader_ABadRequestIsStillProblemJsonWithItsRealStatus(string accept)
    {
        var before = await CountAllAsync(Factory);
        var response = await Writer().SendAsync(Raw(HttpMethod.Post, "/api/v1/households", "{\"regionCode\":", accept));
        await response.ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");
        var notFound = await Writer().SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/households/{Guid.NewGuid()}") { Headers = { { "Accept", accept } } });
        await notFound.ProblemAsync(HttpStatusCode.NotFound, "household.not-found");
        var anonymous = Factory.CreateClient();
        anonymous.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);
        await (await anonymous.GetAsync(Url("/api/v1/households"))).ProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [TestCase("address", "如皋\u0000市")]
    [TestCase("address", "如皋\u0007市")]
    [TestCase("address", "如皋\u202E市")]
    public async Task CreateHousehold_WithControlOrBidiCharacterInFreeText_Is400NamingTheField(string field, string value)
    {
        var body = SimpleHousehold();
        body[field] = value;
        var before = await CountAllAsync(Factory);
        var problem = await (await Writer().SendAsync(Raw(HttpMethod.Post, "/api/v1/households", body.ToJsonString())))
            .ProblemAsync(HttpStatusCode.BadRequest, "request.invalid-text");
        Assert.That(problem["errors"]![field], Is.Not.Null, problem.ToJsonString());
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [TestCase("张\u0000三")]
    [TestCase("张\t三")]
    [TestCase("张\u2066三")]
    [TestCase("张\u001B[31m三")]
    public async Task CreateHousehold_WithControlCharacterInAMemberName_Is400NamingTheMemberField(string name)
    {
        var body = Household("320682001", Member(NewIdNumber()), Member(NewIdNumber(), name, "Spouse"));
        var before = await CountAllAsync(Factory);
        var problem = await (await Writer().SendAsync(Raw(HttpMethod.Post, "/api/v1/households", body.ToJsonString())))
            .ProblemAsync(HttpStatusCode.BadRequest, "request.invalid-text");
        Assert.That(problem["errors"]!["members[1].name"], Is.Not.Null, problem.ToJsonString());
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task FreeText_KeepsLineBreaksButNamesDoNot()
    {
        var body = SimpleHousehold();
        body["address"] = "如皋市\n福寿路18号";
        var response = await Writer().SendAsync(Raw(HttpMethod.Post, "/api/v1/households", body.ToJsonString()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [TestCase("/api/v1/audit-events?entityType=%00")]
    [TestCase("/api/v1/audit-events?entityType=Household%0A")]
    [TestCase("/api/v1/audit-events?entityId=%E2%80%AEx")]
    public async Task QueryFilter_WithControlCharacter_Is400NamingTheParameter(string url)
    {
        var problem = await (await Factory.ClientWith("000000", "audit.read").GetAsync(Url(url))).ProblemAsync(HttpStatusCode.BadRequest, "request.invalid-text");
        var parameter = url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..url.IndexOf('=', StringComparison.Ordinal)];
        Assert.That(problem["errors"]![parameter], Is.Not.Null, problem.ToJsonString());
    }

    [Test]
    public async Task InvalidUtf8InsideAJsonString_Is400AndWritesNothing()
    {
        var prefix = Encoding.UTF8.GetBytes("{\"regionCode\":\"320682001\",\"residence\":\"Urban\",\"address\":\"");
        var suffix = Encoding.UTF8.GetBytes($"\",\"members\":[{{\"idNumber\":\"{NewIdNumber()}\",\"name\":\"张三\",\"relationship\":\"Head\"}}]}}");
        byte[] body = [.. prefix, 0xC3, 0x28, 0xFF, .. suffix];
        var before = await CountAllAsync(Factory);
        var problem = await (await Writer().SendAsync(Raw(HttpMethod.Post, "/api/v1/households", body))).ProblemAsync(HttpStatusCode.BadRequest, "request.invalid-text");
        Assert.That((string?)problem["detail"], Does.Contain("UTF-8"));
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [TestCase("{}", "value")]
    [TestCase("{\"key\":\"dibao.standard.urban\",\"regionCode\":\"320682\",\"effectiveFrom\":\"2030-01-01\",\"source\":\"测试 一\"}", "value")]
    public async Task SetParameter_WithEmptyBodyOrWithoutValue_Is400NamingTheField(string json, string field)
    {
        var before = await CountAsync(Factory, "parameter_values");
        var problem = await (await Admin().SendAsync(Raw(HttpMethod.Post, "/api/v1/policy/parameters", json))).ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");
        Assert.That(problem["errors"]![field], Is.Not.Null, problem.ToJsonString());
        Assert.That(await CountAsync(Factory, "parameter_values"), Is.EqualTo(before));
    }

    [Test]
    public async Task PutCalendar_WithNullHoliday_Is400AndWritesNothing()
    {
        var before = await CountAsync(Factory, "calendar_years");
        var problem = await (await Admin().SendAsync(Raw(HttpMethod.Put, "/api/v1/calendar/2096", "{\"source\":\"国办发明电〔2095〕1号\",\"holidays\":[null],\"makeUpWorkingDays\":[]}")))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Has.Some.StartsWith("holidays"), problem.ToJsonString());
        Assert.That(await CountAsync(Factory, "calendar_years"), Is.EqualTo(before));
    }

    [TestCase("/api/v1/households?limit=abc", "limit")]
    [TestCase("/api/v1/households?limit=99999999999999999999", "limit")]
    [TestCase("/api/v1/applications?status=Nonsense", "status")]
    public async Task UnbindableQueryParameter_IsDescribedInApiTermsWithoutTypeNamesOrEcho(string url, string parameter)
    {
        var response = await Admin().GetAsync(Url(url));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "request.parameter-invalid");

        // The trace id is random hex and may itself contain "abc": everything else must not echo the input.
        var echoed = problem.DeepClone().AsObject();
        echoed.Remove("traceId");
        var text = echoed.ToJsonString();
        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["detail"], Does.Contain($"'{parameter}'"));
            Assert.That(text, Does.Not.Contain("Nullable").And.Not.Contain("Int32").And.Not.Contain("abc").And.Not.Contain("Nonsense").And.Not.Contain("99999999"));
        });
    }

    [Test]
    public async Task PostWithoutBody_IsDescribedInApiTerms()
    {
        var response = await Writer().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/households"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.InRange(400, 415), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(text, Does.Not.Contain("Implicit body").And.Not.Contain("CreateHouseholdCommand").And.Not.Contain("Microsoft."));
    }

    [Test]
    public async Task VeryLongUrl_Is414Problem()
    {
        var response = await Admin().GetAsync(Url("/api/v1/audit-events?entityType=" + new string('a', 5000)));
        await response.ProblemAsync(HttpStatusCode.RequestUriTooLong, "request.uri-too-long");
    }

    [Test]
    public async Task OversizedHeaders_Are431Problem()
    {
        var client = Admin();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Filler", new string('a', 20000));
        var response = await client.GetAsync(Url("/api/v1/regions"));
        await response.ProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "request.headers-too-large");
    }
}

/// <summary>Issue 7: the contract declares ETag wherever a response carries one, and Location on every 201.</summary>
public sealed class ResponseHeaderContractTests
{
    private static readonly JsonNode Contract = JsonNode.Parse(File.ReadAllText(ContractTests.ContractPath()))!;

    private static IEnumerable<(string Operation, string Status, JsonObject Response)> SuccessResponses() =>
        from path in Contract["paths"]!.AsObject()
        from op in path.Value!.AsObject()
        from response in op.Value!["responses"]!.AsObject()
        where response.Key.StartsWith('2')
        select ($"{op.Key.ToUpperInvariant()} {path.Key}", response.Key, response.Value!.AsObject());

    private static JsonNode? Schema(JsonObject response)
    {
        var schema = response["content"]?.AsObject().FirstOrDefault().Value?["schema"];
        return schema?["$ref"] is JsonValue reference ? Contract["components"]!["schemas"]![((string)reference!).Split('/')[^1]] : schema;
    }

    [Test]
    public void Every201_DeclaresLocation()
    {
        var created = SuccessResponses().Where(r => r.Status == "201").ToList();
        Assert.That(created, Has.Count.GreaterThanOrEqualTo(5));
        Assert.That(created.Where(r => r.Response["headers"]?["Location"] is null).Select(r => r.Operation), Is.Empty);
    }

    [Test]
    public void EveryVersionedSuccessResponse_DeclaresETag()
    {
        var versioned = SuccessResponses().Where(r => Schema(r.Response)?["properties"]?["version"] is not null).ToList();
        Assert.That(versioned, Has.Count.GreaterThanOrEqualTo(20));
        Assert.That(versioned.Where(r => r.Response["headers"]?["ETag"] is null).Select(r => r.Operation), Is.Empty);
    }
}
