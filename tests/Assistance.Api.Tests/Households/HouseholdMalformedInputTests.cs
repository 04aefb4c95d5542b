namespace Assistance.Api.Tests.Households;

using System.Net;
using System.Text;
using Assistance.Api.Tests.Infrastructure;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>Bodies that cannot be read: always a 4xx problem, never a 500, and nothing written.</summary>
public sealed class HouseholdMalformedInputTests : ApiTestBase
{
    private HttpClient Writer() => Factory.ClientWith("320682", "registry.read", "registry.write");

    private async Task<HttpResponseMessage> PostRawAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/households") { Content = Http.RawJson(json) };
        return await Writer().SendAsync(request);
    }

    [OneTimeSetUp]
    public async Task SeedOneAsync() => await CreateAsync(Writer(), SimpleHousehold());

    [Test]
    public async Task CreateHousehold_WithMalformedJson_Returns400AndWritesNothing()
    {
        var before = await CountAllAsync(Factory);
        await (await PostRawAsync("{\"regionCode\":\"320682001\",\"members\":[")).ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHousehold_WithUnknownEnumValue_Returns400NamingFieldAndWritesNothing()
    {
        var body = SimpleHousehold();
        body["residence"] = "Town";
        var before = await CountAllAsync(Factory);
        var problem = await (await PostRawAsync(body.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");
        Assert.That(problem["errors"]!["residence"], Is.Not.Null);
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHousehold_WithIntegerForEnum_Returns400()
    {
        var body = SimpleHousehold();
        body["members"]![0]!["relationship"] = 0;
        await (await PostRawAsync(body.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");
    }

    [Test]
    public async Task CreateHousehold_WithStringWhereNumberBelongs_Returns400NamingFieldAndWritesNothing()
    {
        var body = SimpleHousehold();
        body["monthlyRigidExpenditure"] = "300";
        var before = await CountAllAsync(Factory);
        var problem = await (await PostRawAsync(body.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");
        Assert.That(problem["errors"]!["monthlyRigidExpenditure"], Is.Not.Null);
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHousehold_WithNestedWrongType_Returns400NamingPath()
    {
        var body = SimpleHousehold();
        body["members"]![0]!["incomes"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "Wage", ["monthlyAmount"] = "lots" });
        var problem = await (await PostRawAsync(body.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Has.Some.Contains("members[0].incomes[0].monthlyAmount"));
    }

    [Test]
    public async Task CreateHousehold_WithOversizedBody_Returns413AndWritesNothing()
    {
        var before = await CountAllAsync(Factory);
        var body = SimpleHousehold();
        body["address"] = new string('长', 400_000);
        await (await PostRawAsync(body.ToJsonString())).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too-large");
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHousehold_WithEmptyOrNullBody_Returns400()
    {
        var before = await CountAllAsync(Factory);
        var empty = await PostRawAsync(string.Empty);
        Assert.That((int)empty.StatusCode, Is.EqualTo(400), await empty.Content.ReadAsStringAsync());
        var nullBody = await PostRawAsync("null");
        Assert.That((int)nullBody.StatusCode, Is.EqualTo(400), await nullBody.Content.ReadAsStringAsync());
        var nullMember = await PostRawAsync("{\"regionCode\":\"320682001\",\"residence\":\"Urban\",\"address\":\"x\",\"members\":[null]}");
        var problem = await nullMember.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!["members[0]"], Is.Not.Null);
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHousehold_WithWrongContentType_Returns415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/households")
        {
            Content = new StringContent(SimpleHousehold().ToJsonString(), Encoding.UTF8, "text/plain"),
        };
        var response = await Writer().SendAsync(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(415), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task CreateHousehold_WithBadIdempotencyKey_Returns400AndWritesNothing()
    {
        var before = await CountAllAsync(Factory);
        await (await Writer().SendJsonAsync(HttpMethod.Post, "/api/v1/households", SimpleHousehold(), idempotencyKey: new string('k', 201)))
            .ProblemAsync(HttpStatusCode.BadRequest, "request.idempotency-key-invalid");
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task ReplaceHousehold_WithMalformedJson_Returns400AndKeepsVersion()
    {
        var (created, etag) = await CreateAsync(Writer(), SimpleHousehold());
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/households/{created["id"]}") { Content = Http.RawJson("{\"residence\":") };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await Writer().SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");
        Assert.That((long?)(await (await Writer().GetAsync(Url($"/api/v1/households/{created["id"]}"))).JsonAsync())["version"], Is.EqualTo(1));
    }
}
