namespace Assistance.Api.Tests;

using System.Net;
using Assistance.Api.Tests.Infrastructure;

public sealed class FoundationTests : ApiTestBase
{
    [Test]
    public async Task HealthLive_WhenProcessRuns_Returns200()
    {
        var response = await Factory.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task HealthReady_WhenMigrated_Returns200()
    {
        var response = await Factory.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Regions_WithoutToken_Returns401Problem()
    {
        var response = await Factory.CreateClient().GetAsync(new Uri("/api/v1/regions", UriKind.Relative));
        await response.ProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Test]
    public async Task Regions_WithForgedToken_Returns401Problem()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad");
        var response = await client.GetAsync(new Uri("/api/v1/regions", UriKind.Relative));
        await response.ProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Test]
    public async Task Regions_ListChildren_ReturnsSeedRegions()
    {
        var response = await Factory.ClientWith("320682", "registry.read").GetAsync(new Uri("/api/v1/regions?parentCode=320600", UriKind.Relative));
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var items = body["items"]!.AsArray();
        Assert.That(items.Select(r => (string?)r!["code"]), Is.EqualTo(new[] { "320682" }));
        Assert.That((string?)items[0]!["name"], Is.EqualTo("如皋市"));
        Assert.That((string?)items[0]!["level"], Is.EqualTo("County"));
        Assert.That((string?)items[0]!["parentCode"], Is.EqualTo("320600"));
    }

    [Test]
    public async Task Regions_GetUnknown_Returns404Problem()
    {
        var response = await Admin().GetAsync(new Uri("/api/v1/regions/999999", UriKind.Relative));
        await response.ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
    }

    [Test]
    public async Task Regions_BadParentCode_Returns400NamingField()
    {
        var response = await Admin().GetAsync(new Uri("/api/v1/regions?parentCode=12ab", UriKind.Relative));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!["parentCode"], Is.Not.Null);
    }

    [Test]
    public async Task AuditEvents_WithoutAuditScope_Returns403Problem()
    {
        var response = await Factory.ClientWith("000000", "registry.read").GetAsync(new Uri("/api/v1/audit-events", UriKind.Relative));
        await response.ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Test]
    public async Task SwaggerUi_IsServedAndPointsAtTheDocument()
    {
        var client = Factory.CreateClient();
        var page = await client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var config = await client.GetStringAsync(new Uri("/swagger/index.js", UriKind.Relative));
        Assert.That(config, Does.Contain("/openapi/v1.json"));
        var document = await (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).JsonAsync();
        Assert.That(document["paths"]!.AsObject().Select(p => p.Key), Does.Contain("/api/v1/households").And.Contain("/api/v1/assessments"));
    }

    [Test]
    public async Task UnknownRoute_Returns404Problem()
    {
        var response = await Admin().GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative));
        await response.ProblemAsync(HttpStatusCode.NotFound, "resource.not-found");
    }
}
