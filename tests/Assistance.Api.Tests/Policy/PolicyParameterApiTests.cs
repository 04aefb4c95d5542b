namespace Assistance.Api.Tests.Policy;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

public sealed class PolicyParameterApiTests : ApiTestBase
{
    private HttpClient Reader() => Factory.ClientWith("320000", "policy.read");

    private HttpClient AdminOf(string region) => Factory.ClientWith(region, "policy.read", "policy.admin", "audit.read");

    private static JsonObject NewValue(string key, string region, string from, JsonNode? value, string? to = null, string source = "测试文件 一.1") => new()
    {
        ["key"] = key,
        ["regionCode"] = region,
        ["effectiveFrom"] = from,
        ["effectiveTo"] = to,
        ["value"] = value,
        ["source"] = source,
    };

    [Test]
    public async Task Resolved_ForRugao2022_ComesFromTheRightRegionsWithSources()
    {
        var response = await Reader().GetAsync(new Uri("/api/v1/policy/parameters?regionCode=320682&on=2022-10-01", UriKind.Relative));
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var parameters = body["parameters"]!.AsArray().ToDictionary(p => (string)p!["key"]!, p => p!);
        Assert.Multiple(() =>
        {
            Assert.That((string?)parameters["tekun.elderlyAge"]["regionCode"], Is.EqualTo("000000"));
            Assert.That((int?)parameters["tekun.elderlyAge"]["value"], Is.EqualTo(60));
            Assert.That((string?)parameters["tekun.elderlyAge"]["source"], Does.Contain("N-43"));
            Assert.That((string?)parameters["tekun.minorAgeLimit"]["effectiveFrom"], Is.EqualTo("2021-07-01"));
            Assert.That((int?)parameters["tekun.minorAgeLimit"]["value"], Is.EqualTo(18));
            Assert.That((string?)parameters["dibao.singlePerson.enabled"]["regionCode"], Is.EqualTo("320682"));
            Assert.That((string?)parameters["dibao.singlePerson.enabled"]["source"], Is.EqualTo("S0 一"));
            Assert.That((string?)parameters["dibao.standard.urban"]["regionCode"], Is.EqualTo("320682"));
            Assert.That((bool?)parameters["dibao.standard.urban"]["demo"], Is.True);
        });
    }

    [Test]
    public async Task Resolved_MinorAgeLimitInBengbu_Is16In2020And18In2022()
    {
        async Task<int?> Limit(string on)
        {
            var body = await (await Reader().GetAsync(new Uri($"/api/v1/policy/parameters?regionCode=340300&on={on}", UriKind.Relative))).JsonAsync();
            return (int?)body["parameters"]!.AsArray().First(p => (string?)p!["key"] == "tekun.minorAgeLimit")!["value"];
        }

        Assert.That(await Limit("2020-06-01"), Is.EqualTo(16));
        Assert.That(await Limit("2021-06-30"), Is.EqualTo(16));
        Assert.That(await Limit("2021-07-01"), Is.EqualTo(18));
    }

    [Test]
    public async Task Resolved_MissingDateOrBadRegion_Returns400_UnknownRegion404()
    {
        var noDate = await Reader().GetAsync(new Uri("/api/v1/policy/parameters?regionCode=320682", UriKind.Relative));
        var problem = await noDate.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!["on"], Is.Not.Null);

        var badDate = await Reader().GetAsync(new Uri("/api/v1/policy/parameters?regionCode=320682&on=2022-02-30", UriKind.Relative));
        await badDate.ProblemAsync(HttpStatusCode.BadRequest, "request.parameter-invalid");

        var unknown = await Reader().GetAsync(new Uri("/api/v1/policy/parameters?regionCode=110101&on=2022-01-01", UriKind.Relative));
        await unknown.ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
    }

    [Test]
    public async Task Set_NewStandard_IsResolvedAfterwards_AndAudited()
    {
        var admin = AdminOf("320400");
        var response = await admin.PostJsonAsync("/api/v1/policy/parameters", NewValue("dibao.standard.rural", "320402", "2030-01-01", 1234.50m));
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        var id = (string?)body["value"]!["id"];
        Assert.That((string?)body["value"]!["recordedBy"], Is.EqualTo("tester"));

        var resolved = await (await Reader().GetAsync(new Uri("/api/v1/policy/parameters?regionCode=320402&on=2030-06-01", UriKind.Relative))).JsonAsync();
        var rural = resolved["parameters"]!.AsArray().First(p => (string?)p!["key"] == "dibao.standard.rural")!;
        Assert.That(rural["value"]!.ToJsonString(), Is.EqualTo("1234.50"));
        Assert.That((string?)rural["regionCode"], Is.EqualTo("320402"));
        Assert.That((string?)rural["source"], Is.EqualTo("测试文件 一.1"));

        var audit = await (await admin.GetAsync(new Uri($"/api/v1/audit-events?entityType=ParameterValue&entityId={id}", UriKind.Relative))).JsonAsync();
        var entry = audit["items"]!.AsArray().Single()!;
        Assert.That((string?)entry["action"], Is.EqualTo("Recorded"));
        Assert.That((string?)entry["actor"], Is.EqualTo("tester"));
        Assert.That((string?)entry["reason"], Is.EqualTo("测试文件 一.1"));
    }

    [Test]
    public async Task Set_OverlappingValue_Returns409AndStoresNothing()
    {
        var admin = AdminOf("000000");
        var first = await admin.PostJsonAsync("/api/v1/policy/parameters", NewValue("dibao.standard.urban", "610100", "2031-01-01", 900, to: "2032-01-01"));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var overlapping = await admin.PostJsonAsync("/api/v1/policy/parameters", NewValue("dibao.standard.urban", "610100", "2031-12-31", 950));
        var problem = await overlapping.ProblemAsync(HttpStatusCode.Conflict, "parameter.overlap");
        Assert.That((string?)problem["detail"], Does.Contain("R-02"));

        var adjacent = await admin.PostJsonAsync("/api/v1/policy/parameters", NewValue("dibao.standard.urban", "610100", "2032-01-01", 950));
        Assert.That(adjacent.StatusCode, Is.EqualTo(HttpStatusCode.Created), "effectiveTo is exclusive: the next day may start a new value");

        var history = await (await Reader().GetAsync(new Uri("/api/v1/policy/parameters/dibao.standard.urban?regionCode=610100", UriKind.Relative))).JsonAsync();
        var own = history["values"]!.AsArray().Where(v => (string?)v!["regionCode"] == "610100").ToList();
        Assert.That(own.Select(v => (string?)v!["effectiveFrom"]), Is.EqualTo(new[] { "2031-01-01", "2032-01-01" }));
    }

    [Test]
    public async Task Set_Correction_SupersedesAndKeepsHistoryWithAsOfView()
    {
        var admin = AdminOf("000000");
        var original = await (await admin.PostJsonAsync("/api/v1/policy/parameters", NewValue("dibao.standard.urban", "230100", "2033-01-01", 700))).JsonAsync();
        var originalId = (string?)original["value"]!["id"];
        var beforeCorrection = Factory.Clock.GetUtcNow();
        Factory.Clock.Advance(TimeSpan.FromDays(2));

        var correction = NewValue("dibao.standard.urban", "230100", "2033-01-01", 750);
        correction["supersedes"] = originalId;
        var corrected = await admin.PostJsonAsync("/api/v1/policy/parameters", correction);
        Assert.That(corrected.StatusCode, Is.EqualTo(HttpStatusCode.Created), await corrected.Content.ReadAsStringAsync());

        var history = await (await Reader().GetAsync(new Uri("/api/v1/policy/parameters/dibao.standard.urban?regionCode=230100", UriKind.Relative))).JsonAsync();
        var own = history["values"]!.AsArray().Where(v => (string?)v!["regionCode"] == "230100").ToList();
        Assert.That(own, Has.Count.EqualTo(2));
        Assert.That(own[0]!["supersededAt"], Is.Not.Null);
        Assert.That((int?)own[0]!["value"], Is.EqualTo(700));
        Assert.That((int?)own[1]!["value"], Is.EqualTo(750));
        Assert.That((string?)own[1]!["supersedes"], Is.EqualTo(originalId));

        var asOf = Uri.EscapeDataString(beforeCorrection.AddHours(1).ToString("O"));
        var then = await (await Reader().GetAsync(new Uri($"/api/v1/policy/parameters?regionCode=230100&on=2033-06-01&asOf={asOf}", UriKind.Relative))).JsonAsync();
        Assert.That((int?)then["parameters"]!.AsArray().First(p => (string?)p!["key"] == "dibao.standard.urban")!["value"], Is.EqualTo(700),
            "what we believed before the correction");
        var now = await (await Reader().GetAsync(new Uri("/api/v1/policy/parameters?regionCode=230100&on=2033-06-01", UriKind.Relative))).JsonAsync();
        Assert.That((int?)now["parameters"]!.AsArray().First(p => (string?)p!["key"] == "dibao.standard.urban")!["value"], Is.EqualTo(750));

        var again = await admin.PostJsonAsync("/api/v1/policy/parameters", correction);
        await again.ProblemAsync(HttpStatusCode.Conflict, "parameter.already-superseded");
    }

    [Test]
    public async Task Set_TekunStandardBelowFloor_IsAcceptedWithR12Warning()
    {
        // Rugao's demo dibao standard in 2034 is inherited from its open-ended value; 1.3 × it is the floor.
        var resolved = await (await Reader().GetAsync(new Uri("/api/v1/policy/parameters?regionCode=320682&on=2034-01-01", UriKind.Relative))).JsonAsync();
        var standard = (decimal)resolved["parameters"]!.AsArray().First(p => (string?)p!["key"] == "dibao.standard.urban")!["value"]!;
        var response = await AdminOf("320682").PostJsonAsync("/api/v1/policy/parameters", NewValue("tekun.basic.standard", "320682001", "2034-01-01", standard));
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        var warning = body["warnings"]!.AsArray().First()!;
        Assert.That((string?)warning["ruleId"], Is.EqualTo("R-12"));
        Assert.That((string?)warning["clause"], Does.Contain("S1 一.1"));
    }

    [Test]
    public async Task Set_ChangzhouStandardRisingUnder5Percent_WarnsCitingS1_AndAt5PercentDoesNot()
    {
        // Changzhou 2020 (S1 一.1): a new standard should rise at least 5% over the one in force a year earlier
        // (320400's 800.00 on 2019-08-01, inherited by the district 320402).
        var admin = AdminOf("320400");
        var low = await admin.PostJsonAsync("/api/v1/policy/parameters", NewValue("dibao.standard.urban", "320402", "2020-08-01", 839.99m, to: "2020-09-01"));
        var lowBody = await low.JsonAsync();
        Assert.That(low.StatusCode, Is.EqualTo(HttpStatusCode.Created), lowBody.ToJsonString());
        var warning = lowBody["warnings"]!.AsArray().Single()!;
        Assert.That((string?)warning["clause"], Does.Contain("S1"));
        Assert.That((string?)warning["message"], Does.Contain("800"));

        var atFloor = await admin.PostJsonAsync("/api/v1/policy/parameters", NewValue("dibao.standard.urban", "320402", "2020-09-01", 840.00m, to: "2020-10-01"));
        var atFloorBody = await atFloor.JsonAsync();
        Assert.That(atFloor.StatusCode, Is.EqualTo(HttpStatusCode.Created), atFloorBody.ToJsonString());
        Assert.That(atFloorBody["warnings"]!.AsArray(), Is.Empty, "exactly 5% is enough");
    }

    [Test]
    public async Task Set_ValueAboveFloor_HasNoWarning()
    {
        var response = await AdminOf("320682").PostJsonAsync("/api/v1/policy/parameters", NewValue("tekun.basic.standard", "320682002", "2034-01-01", 99999));
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(body["warnings"]!.AsArray(), Is.Empty);
    }

    [TestCase("dibao.standard.moon", "1", "key")]
    [TestCase("dibao.standard.urban", "\"lots\"", "value")]
    [TestCase("expenditure.rigidShare.enabled", "\"Sometimes\"", "value")]
    [TestCase("tekun.elderlyAge", "60.5", "value")]
    public async Task Set_UnknownKeyOrWrongType_Returns400NamingFieldAndStoresNothing(string key, string value, string field)
    {
        var admin = AdminOf("000000");
        var response = await admin.PostJsonAsync("/api/v1/policy/parameters", NewValue(key, "460000", "2035-01-01", JsonNode.Parse(value)));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]![field], Is.Not.Null);
        var audit = await (await admin.GetAsync(new Uri("/api/v1/audit-events?regionCode=460000&entityType=ParameterValue", UriKind.Relative))).JsonAsync();
        Assert.That(audit["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Set_OutsideCallersRegion_Returns404_WithoutAdminScope403()
    {
        var outside = await AdminOf("320400").PostJsonAsync("/api/v1/policy/parameters", NewValue("dibao.standard.urban", "320682", "2036-01-01", 1000));
        await outside.ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
        var noScope = await Reader().PostJsonAsync("/api/v1/policy/parameters", NewValue("dibao.standard.urban", "320000", "2036-01-01", 1000));
        await noScope.ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Test]
    public async Task Set_WithIdempotencyKey_ReplaysAndRejectsOtherBody()
    {
        var admin = AdminOf("000000");
        var body = NewValue("dibao.standard.rural", "469001", "2037-01-01", 800);
        var first = await admin.PostJsonAsync("/api/v1/policy/parameters", body, idempotencyKey: "pv-1");
        var second = await admin.PostJsonAsync("/api/v1/policy/parameters", body, idempotencyKey: "pv-1");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((string?)(await second.JsonAsync())["value"]!["id"], Is.EqualTo((string?)(await first.JsonAsync())["value"]!["id"]));

        var other = await admin.PostJsonAsync("/api/v1/policy/parameters", NewValue("dibao.standard.rural", "469001", "2038-01-01", 800), idempotencyKey: "pv-1");
        await other.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key-reused");

        var history = await (await Reader().GetAsync(new Uri("/api/v1/policy/parameters/dibao.standard.rural?regionCode=469001", UriKind.Relative))).JsonAsync();
        Assert.That(history["values"]!.AsArray().Count(v => (string?)v!["regionCode"] == "469001"), Is.EqualTo(1));
    }

    [Test]
    public async Task Sources_ListTheSeedAndNationalDocuments()
    {
        var body = await (await Reader().GetAsync(new Uri("/api/v1/policy/sources", UriKind.Relative))).JsonAsync();
        var items = body["items"]!.AsArray();
        var ids = items.Select(s => (string?)s!["id"]).ToList();
        Assert.That(ids, Is.SupersetOf(new[] { "S0", "S1", "S2", "S3", "S4", "N-57", "N-43" }));
        Assert.That((string?)items.First(s => (string?)s!["id"] == "S1")!["file"], Does.Contain("001_cddde8c269b20b61"));
    }

    [Test]
    public async Task History_UnknownKey_Returns404()
    {
        var response = await Reader().GetAsync(new Uri("/api/v1/policy/parameters/no.such.key?regionCode=320682", UriKind.Relative));
        await response.ProblemAsync(HttpStatusCode.NotFound, "parameter.not-found");
    }
}
