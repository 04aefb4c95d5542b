namespace Assistance.Api.Tests.Reviews;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>Review moratoriums through the API (R-31; S4 三): they hold reviews and exits, then release them; the Heilongjiang seed.</summary>
public sealed class ReviewMoratoriumTests : ReviewTestBase
{
    private HttpClient PolicyAdmin(string region = "320682") => Factory.ClientAs("policy-admin", region, null, "policy.admin", "cases.read", "audit.read");

    [Test]
    public async Task Moratorium_HoldsDueReviewsTerminationsAndGradualExitEnds_ThenReleasesThemWhenItEnds()
    {
        var county = County();
        var dueFamily = await PoorFamilyAsync();
        var endingFamily = await PoorFamilyAsync();
        var leavingFamily = await PoorFamilyAsync();
        var due = await EnrolAsync(county, dueFamily, "Dibao", "2026-03-04");
        var ending = await EnrolAsync(county, endingFamily, "Dibao", "2026-03-04");
        var leaving = await EnrolAsync(county, leavingFamily, "Dibao", "2026-03-04");
        var dueId = (string)due["id"]!;

        // A gradual exit that would end on 2026-10-31 (maxMonths 6 from a review in April).
        Today("2026-04-20");
        var version = await SetWageAsync(leavingFamily, 0, Head, 9000m);
        var exit = await CreatedAsync(await ReviewAsync(county, Guid.Parse((string)leaving["id"]!), "2026-04-20", version, fromWork: true));
        Assert.That((string?)exit["gradualExitEndsOn"], Is.EqualTo("2026-10-31"));

        // Jiangsu (the province, an ancestor of the county) declares a moratorium from 2026-09-15, open-ended.
        var created = await PolicyAdmin("320000").PostJsonAsync("/api/v1/review-moratoriums",
            new { regionCode = "320000", from = "2026-09-15", reason = "疫情防控期间", source = "测试通知 三" }, Guid.NewGuid().ToString());
        var moratorium = await CreatedAsync(created);
        var moratoriumId = (string)moratorium["id"]!;
        Assert.That(((string?)moratorium["to"], (bool?)moratorium["inForce"]), Is.EqualTo(((string?)null, false)), "today is 2026-04-20");

        // 2026-10-05: the review fell due on 10-01 but is held; the county sees the province's moratorium.
        Today("2026-10-05");
        Assert.That(await DueAsync(county, "320682", "2026-10-06"), Does.Not.Contain(dueId));
        var visible = await (await county.GetAsync(Url("/api/v1/review-moratoriums"))).JsonAsync();
        Assert.That(visible["items"]!.AsArray().Select(m => (string?)m!["id"]), Does.Contain(moratoriumId));

        // A review recorded now keeps its outcome, but the termination waits.
        version = await SetWageAsync(endingFamily, 0, Head, 9000m);
        var held = await CreatedAsync(await ReviewAsync(county, Guid.Parse((string)ending["id"]!), "2026-10-05", version));
        Assert.That(((string?)held["outcome"], (bool?)held["terminationPostponed"]), Is.EqualTo(("Terminate", true)));
        var stillActive = await GetEnrolmentAsync(county, Guid.Parse((string)ending["id"]!));
        Assert.That(((string?)stillActive["status"], (string?)stillActive["endedOn"]), Is.EqualTo(("Active", (string?)null)));

        // The gradual exit's last day has passed but nothing ends while the moratorium is in force.
        Today("2026-11-10");
        var run = await RunExitsAsync(county, "2026-11-10");
        Assert.That(run["ended"]!.AsArray(), Is.Empty);
        Assert.That((string?)(await GetEnrolmentAsync(county, Guid.Parse((string)leaving["id"]!)))["status"], Is.EqualTo("GradualExit"));

        // A county cannot amend the province's moratorium; the province ends it from 2026-12-01, citing why.
        var get = await county.GetAsync(Url($"/api/v1/review-moratoriums/{moratoriumId}"));
        var byCounty = await Factory.ClientAs("county-admin", "320682", null, "policy.admin").SendJsonAsync(HttpMethod.Put, $"/api/v1/review-moratoriums/{moratoriumId}",
            new { from = "2026-09-15", to = "2026-12-01", reason = "疫情防控期间", source = "测试通知 三", endSource = "测试通知 四" }, get.Headers.ETag!.ToString());
        await byCounty.ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
        var noEndSource = await PolicyAdmin("320000").SendJsonAsync(HttpMethod.Put, $"/api/v1/review-moratoriums/{moratoriumId}",
            new { from = "2026-09-15", to = "2026-12-01", reason = "疫情防控期间", source = "测试通知 三" }, get.Headers.ETag!.ToString());
        Assert.That(noEndSource.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var ended = await PolicyAdmin("320000").SendJsonAsync(HttpMethod.Put, $"/api/v1/review-moratoriums/{moratoriumId}",
            new { from = "2026-09-15", to = "2026-12-01", reason = "疫情防控期间", source = "测试通知 三", endSource = "测试通知 四" }, get.Headers.ETag!.ToString());
        var endedBody = await ended.JsonAsync();
        Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.OK), endedBody.ToJsonString());
        Assert.That(((string?)endedBody["to"], (long?)endedBody["version"]), Is.EqualTo(("2026-12-01", 2L)));

        // Still in force on its last day (to is exclusive).
        Today("2026-11-30");
        Assert.That((await RunExitsAsync(county, "2026-11-30"))["ended"]!.AsArray(), Is.Empty);
        Assert.That(await DueAsync(county, "320682", "2026-12-01"), Does.Not.Contain(dueId));

        // From 2026-12-01 what was held falls due: the review is listed, the termination and the gradual exit take
        // effect, each ending on the moratorium's last day (payment continued while it held them).
        Today("2026-12-01");
        Assert.That(await DueAsync(county, "320682", "2026-12-02"), Does.Contain(dueId));
        run = await RunExitsAsync(county, "2026-12-01");
        var applied = run["ended"]!.AsArray().ToDictionary(e => (string)e!["enrolmentId"]!, e => ((string?)e!["kind"], (string?)e!["endedOn"]));
        Assert.That(applied[(string)ending["id"]!], Is.EqualTo(("PostponedTermination", "2026-11-30")));
        Assert.That(applied[(string)leaving["id"]!], Is.EqualTo(("GradualExitCompleted", "2026-11-30")));
        Assert.That(applied.Keys, Does.Not.Contain(dueId));
        var terminated = await GetEnrolmentAsync(county, Guid.Parse((string)ending["id"]!));
        Assert.That(((string?)terminated["status"], (string?)terminated["endedOn"]), Is.EqualTo(("Ended", "2026-11-30")));
        Assert.That((await RunExitsAsync(county, "2026-12-01"))["ended"]!.AsArray(), Is.Empty, "idempotent");

        // Audited through the moratorium's events.
        var audit = await (await PolicyAdmin("320000").GetAsync(Url($"/api/v1/audit-events?entityType=ReviewMoratorium&entityId={moratoriumId}"))).JsonAsync();
        Assert.That(audit["items"]!.AsArray().Select(a => (string?)a!["action"]), Is.EquivalentTo(new[] { "Declared", "Ended" }));
    }

    [Test]
    public async Task HeilongjiangMoratorium_IsSeededWithItsSourcesAndEnd_AndBindsItsCounties()
    {
        var harbin = Factory.ClientAs("harbin", "230102", null, "cases.read", "policy.read");
        var list = await (await harbin.GetAsync(Url("/api/v1/review-moratoriums"))).JsonAsync();
        var seed = list["items"]!.AsArray().Single(m => (string?)m!["regionCode"] == "230000")!;
        Assert.That((string?)seed["id"], Is.EqualTo("0190a0d0-2204-7001-8000-000000000023"));
        Assert.That(((string?)seed["from"], (string?)seed["to"]), Is.EqualTo(("2022-04-01", "2023-01-08")));
        Assert.That(((string?)seed["reason"], (string?)seed["source"]), Is.EqualTo(("疫情防控期间", "S4 三")));
        Assert.That((string?)seed["endSource"], Does.StartWith("N-144"));

        var got = await harbin.GetAsync(Url($"/api/v1/review-moratoriums/{seed["id"]}"));
        Assert.That(got.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var sources = await (await harbin.GetAsync(Url("/api/v1/policy/sources"))).JsonAsync();
        Assert.That(sources.ToJsonString(), Does.Contain("N-144").And.Contain("2023-01-08"));

        // Another province does not see it.
        var rugao = await (await County().GetAsync(Url("/api/v1/review-moratoriums"))).JsonAsync();
        Assert.That(rugao["items"]!.AsArray().Select(m => (string?)m!["regionCode"]), Does.Not.Contain("230000"));
        await (await County().GetAsync(Url($"/api/v1/review-moratoriums/{seed["id"]}"))).ProblemAsync(HttpStatusCode.NotFound, "review-moratorium.not-found");
    }

    [Test]
    public async Task BadMoratorium_IsAProblemAndNothingIsStored()
    {
        var admin = PolicyAdmin("320000");
        var before = (await (await admin.GetAsync(Url("/api/v1/review-moratoriums"))).JsonAsync())["items"]!.AsArray().Count;
        var reversed = await admin.PostJsonAsync("/api/v1/review-moratoriums",
            new { regionCode = "320000", from = "2026-09-15", to = "2026-09-01", reason = "x", source = "y", endSource = "z" });
        Assert.That(reversed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var outside = await admin.PostJsonAsync("/api/v1/review-moratoriums", new { regionCode = "230000", from = "2026-09-15", reason = "x", source = "y" });
        await outside.ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
        var noSource = await admin.PostJsonAsync("/api/v1/review-moratoriums", new JsonObject { ["regionCode"] = "320000", ["from"] = "2026-09-15", ["reason"] = "x" });
        Assert.That(noSource.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var caseworker = await County().PostJsonAsync("/api/v1/review-moratoriums", new { regionCode = "320682", from = "2026-09-15", reason = "x", source = "y" });
        Assert.That(caseworker.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var after = (await (await admin.GetAsync(Url("/api/v1/review-moratoriums"))).JsonAsync())["items"]!.AsArray().Count;
        Assert.That(after, Is.EqualTo(before));
    }
}
