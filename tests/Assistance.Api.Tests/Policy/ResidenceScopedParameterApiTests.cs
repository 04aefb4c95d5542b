namespace Assistance.Api.Tests.Policy;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>
/// R-02 residence-scoped values end to end: the Bengbu 城区-only values of S3 三(二)1 as the API shows them, values
/// recorded for one residence type, the per-residence overlap rule, the history view, floor warnings and tekunSince.
/// </summary>
public sealed class ResidenceScopedParameterApiTests : ApiTestBase
{
    private HttpClient Reader() => Factory.ClientWith("340000", "policy.read");

    private HttpClient AdminOf(string region) => Factory.ClientWith(region, "policy.read", "policy.admin");

    private static JsonObject NewValue(string key, string region, string from, JsonNode? value, string? residence, string? to = null) => new()
    {
        ["key"] = key,
        ["regionCode"] = region,
        ["effectiveFrom"] = from,
        ["effectiveTo"] = to,
        ["value"] = value,
        ["source"] = "测试文件 一.1",
        ["residence"] = residence,
    };

    private async Task<JsonArray> ResolvedAsync(string query)
    {
        var response = await Reader().GetAsync(new Uri("/api/v1/policy/parameters?" + query, UriKind.Relative));
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body["parameters"]!.AsArray();
    }

    private static JsonNode Single(JsonArray parameters, string key) => parameters.Single(p => (string?)p!["key"] == key)!;

    [Test]
    public async Task Resolved_BengbuWithResidenceFilter_UrbanSeesTheCityDistrictFloorAndRuralDoesNot()
    {
        var urban = await ResolvedAsync("regionCode=340300&on=2022-10-01&residence=Urban");
        var rural = await ResolvedAsync("regionCode=340300&on=2022-10-01&residence=Rural");

        var urbanFloor = Single(urban, "tekun.basic.minShareOfConsumption");
        Assert.That((decimal?)urbanFloor["value"], Is.EqualTo(0.6m));
        Assert.That((string?)urbanFloor["residence"], Is.EqualTo("Urban"));
        Assert.That((string?)urbanFloor["regionCode"], Is.EqualTo("340300"));
        Assert.That((string?)urbanFloor["source"], Does.Contain("S3 三(二)1").And.Contain("城区"));

        var ruralFloor = Single(rural, "tekun.basic.minShareOfConsumption");
        Assert.That(ruralFloor["value"], Is.Null);
        Assert.That((string?)ruralFloor["regionCode"], Is.EqualTo("000000"));
        Assert.That(ruralFloor["residence"], Is.Null);

        Assert.That((bool?)Single(urban, "expenditure.dibaoInclusion.enabled")["value"], Is.True);
        Assert.That((bool?)Single(rural, "expenditure.dibaoInclusion.enabled")["value"], Is.False);
        Assert.That((decimal?)Single(rural, "tekun.basic.standard")["value"], Is.Not.EqualTo((decimal?)Single(urban, "tekun.basic.standard")["value"]));
    }

    [Test]
    public async Task Resolved_BengbuWithoutFilter_ListsAKeyOncePerDistinctValue()
    {
        var all = await ResolvedAsync("regionCode=340300&on=2022-10-01");

        var floors = all.Where(p => (string?)p!["key"] == "tekun.basic.minShareOfConsumption").ToList();
        Assert.That(floors.Select(f => (string?)f!["residence"]), Is.EquivalentTo(new[] { "Urban", null }));
        Assert.That(all.Count(p => (string?)p!["key"] == "tekun.elderlyAge"), Is.EqualTo(1));
    }

    [Test]
    public async Task Set_UrbanAndBothValuesOverlapping_AreAccepted_ButASecondUrbanValueIs409()
    {
        var admin = AdminOf("340300");
        var both = await admin.PostJsonAsync("/api/v1/policy/parameters", NewValue("tekun.care.amount.selfCare", "340302", "2030-01-01", 20m, null), Guid.NewGuid().ToString());
        Assert.That(both.StatusCode, Is.EqualTo(HttpStatusCode.Created), (await both.JsonAsync()).ToJsonString());

        var urban = await admin.PostJsonAsync("/api/v1/policy/parameters", NewValue("tekun.care.amount.selfCare", "340302", "2030-01-01", 30m, "Urban"), Guid.NewGuid().ToString());
        var urbanBody = await urban.JsonAsync();
        Assert.That(urban.StatusCode, Is.EqualTo(HttpStatusCode.Created), urbanBody.ToJsonString());
        Assert.That((string?)urbanBody["value"]!["residence"], Is.EqualTo("Urban"));

        var again = await admin.PostJsonAsync("/api/v1/policy/parameters", NewValue("tekun.care.amount.selfCare", "340302", "2031-01-01", 35m, "Urban"), Guid.NewGuid().ToString());
        var problem = await again.ProblemAsync(HttpStatusCode.Conflict, "parameter.overlap");
        Assert.That((string?)problem["detail"], Does.Contain("Urban households"));

        var urbanSet = await ResolvedAsync("regionCode=340302&on=2030-06-01&residence=Urban");
        var ruralSet = await ResolvedAsync("regionCode=340302&on=2030-06-01&residence=Rural");
        Assert.That((decimal?)Single(urbanSet, "tekun.care.amount.selfCare")["value"], Is.EqualTo(30m));
        Assert.That((decimal?)Single(ruralSet, "tekun.care.amount.selfCare")["value"], Is.EqualTo(20m));

        var history = await (await Reader().GetAsync(new Uri("/api/v1/policy/parameters/tekun.care.amount.selfCare?regionCode=340302&residence=Rural", UriKind.Relative))).JsonAsync();
        var values = history["values"]!.AsArray();
        Assert.That((string?)history["residence"], Is.EqualTo("Rural"));
        Assert.That(values.Any(v => (string?)v!["residence"] == "Urban"), Is.False);
        Assert.That(values.Any(v => (string?)v!["regionCode"] == "340302" && (decimal?)v!["value"] == 20m), Is.True);

        var fullHistory = await (await Reader().GetAsync(new Uri("/api/v1/policy/parameters/tekun.care.amount.selfCare?regionCode=340302", UriKind.Relative))).JsonAsync();
        Assert.That(fullHistory["values"]!.AsArray().Count(v => (string?)v!["residence"] == "Urban"), Is.EqualTo(1));
    }

    [Test]
    public async Task Set_ResidenceNotAType_Returns400AndStoresNothing()
    {
        var response = await AdminOf("340300").PostJsonAsync(
            "/api/v1/policy/parameters", NewValue("tekun.care.amount.selfCare", "340300", "2032-01-01", 20m, "Suburban"), Guid.NewGuid().ToString());

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        var history = await (await Reader().GetAsync(new Uri("/api/v1/policy/parameters/tekun.care.amount.selfCare?regionCode=340300", UriKind.Relative))).JsonAsync();
        Assert.That(history["values"]!.AsArray().Any(v => (string?)v!["effectiveFrom"] == "2032-01-01"), Is.False);
    }

    [Test]
    public async Task Set_UrbanTekunStandardBelowBengbuConsumptionFloor_WarnsNamingTheFloor()
    {
        var urban = await ResolvedAsync("regionCode=340300&on=2026-01-01&residence=Urban");
        var floor = (decimal)Single(urban, "tekun.basic.minShareOfConsumption")["value"]! * (decimal)Single(urban, "stats.consumptionPerCapita.previousYear")["value"]! / 12;
        var below = decimal.Round(floor, 2, MidpointRounding.ToPositiveInfinity) - 0.01m;

        var response = await AdminOf("340300").PostJsonAsync(
            "/api/v1/policy/parameters", NewValue("tekun.basic.standard", "340302", "2026-01-01", below, "Urban"), Guid.NewGuid().ToString());
        var body = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        var warnings = body["warnings"]!.AsArray();
        Assert.That(warnings.Select(w => (string?)w!["message"]), Has.Some.Contains("floor tekun.basic.minShareOfConsumption"));
        Assert.That(warnings.Select(w => (string?)w!["ruleId"]), Is.All.EqualTo("R-12"));
    }

    [Test]
    public async Task Assess_TekunSinceBeforeTheLimitAndInSchool_ContinuesAfterEighteen()
    {
        var client = Factory.ClientWith("000000", "policy.read");
        object Request(string? tekunSince, bool inSchool) => new
        {
            regionCode = "340300",
            asOf = "2025-06-01",
            residence = "Urban",
            members = new[] { new { birthDate = "2007-03-01", laborCapacity = "Full", inSchool, tekunSince } },
            monthlyRigidExpenditure = 0,
        };

        var continuing = await (await client.PostJsonAsync("/api/v1/assessments", Request("2022-05-01", true))).JsonAsync();
        var firstApplication = await (await client.PostJsonAsync("/api/v1/assessments", Request(null, true))).JsonAsync();
        var leftSchool = await (await client.PostJsonAsync("/api/v1/assessments", Request("2022-05-01", false))).JsonAsync();

        Assert.That((string?)continuing["outcome"], Is.EqualTo("Tekun"), continuing.ToJsonString());
        var basicRead = continuing["trace"]!.AsArray().Single(t => (string?)t!["rule"] == "R-12")!["parameters"]!.AsArray()
            .Single(p => (string?)p!["key"] == "tekun.basic.minShareOfConsumption")!;
        Assert.That((string?)basicRead["residence"], Is.EqualTo("Urban"), basicRead.ToJsonString());
        Assert.That((string?)basicRead["regionCode"], Is.EqualTo("340300"));
        Assert.That((string?)firstApplication["outcome"], Is.Not.EqualTo("Tekun"));
        Assert.That((string?)leftSchool["outcome"], Is.Not.EqualTo("Tekun"));

        var invalid = await client.PostJsonAsync("/api/v1/assessments", Request("2026-01-01", true));
        var problem = await invalid.JsonAsync();
        Assert.That((int)invalid.StatusCode, Is.EqualTo(400), problem.ToJsonString());
        Assert.That(problem.ToJsonString(), Does.Contain("members[0].tekunSince"));
    }
    // Issue 9: a rural elderly tekun person in Bengbu got the 城区 consumption floor (1,110.00 in 2020).
    [Test]
    public async Task Assess_BengbuElderUrbanAndRural2020_OnlyUrbanGetsTheCityDistrictFloor()
    {
        var client = Factory.ClientWith("000000", "policy.read");
        async Task<JsonNode> AssessAsync(string residence) => await (await client.PostJsonAsync("/api/v1/assessments", new
        {
            regionCode = "340300",
            asOf = "2020-06-01",
            residence,
            members = new[] { new { birthDate = "1945-01-01", laborCapacity = "None" } },
            monthlyRigidExpenditure = 0,
        })).JsonAsync();

        var urban = await AssessAsync("Urban");
        var rural = await AssessAsync("Rural");
        var ruralSet = await ResolvedAsync("regionCode=340300&on=2020-06-01&residence=Rural");
        var expectedRural = Math.Max(
            (decimal)Single(ruralSet, "tekun.basic.standard")["value"]!,
            (decimal)Single(ruralSet, "tekun.basic.minMultipleOfDibao")["value"]! * (decimal)Single(ruralSet, "dibao.standard.rural")["value"]!);

        Assert.That((string?)urban["outcome"], Is.EqualTo("Tekun"), urban.ToJsonString());
        Assert.That((decimal?)urban["members"]![0]!["tekunBasic"], Is.EqualTo(1110.00m));
        Assert.That((string?)rural["outcome"], Is.EqualTo("Tekun"), rural.ToJsonString());
        Assert.That((decimal?)rural["members"]![0]!["tekunBasic"], Is.EqualTo(decimal.Round(expectedRural, 2)));
        Assert.That((decimal?)rural["members"]![0]!["tekunBasic"], Is.LessThan(1110.00m));
    }
}
