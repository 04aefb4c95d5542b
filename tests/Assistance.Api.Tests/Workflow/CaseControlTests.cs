namespace Assistance.Api.Tests.Workflow;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Npgsql;

/// <summary>Conflict of interest, concurrent approvals, overdue lists and the calendar resource.</summary>
public sealed class CaseControlTests : WorkflowTestBase
{
    [Test]
    public async Task ConflictOfInterest_FlaggedAtSubmission_ApprovalRefusedUntilCountyHomeVisit()
    {
        var household = await PoorFamilyAsync();
        var county = County();
        var register = await county.PostJsonAsync("/api/v1/close-relatives", new
        {
            regionCode = "320682001",
            staffName = "赵社工",
            staffRole = "Caseworker",
            relativeName = "王一",
            relativeIdNumber = household.IdNumbers[0],
            relationship = "Sibling",
            reason = "近亲属备案",
        }, Guid.NewGuid().ToString());
        var registered = await register.JsonAsync();
        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.Created), registered.ToJsonString());

        // Listing shows the ID number masked without pii.read.
        var masked = await (await Factory.ClientWith("320682", "cases.read").GetAsync(new Uri("/api/v1/close-relatives?regionCode=320682", UriKind.Relative))).JsonAsync();
        Assert.That((string?)masked["items"]![0]!["relativeIdNumber"], Does.Contain("********"));

        Today("2026-07-06");
        var (id, etag, submitted) = await SubmitAsync(county, household, "Dibao");
        Assert.That((bool?)submitted["conflictOfInterestFlagged"], Is.True);
        Assert.That((string?)submitted["conflictsOfInterest"]![0]!["staffRole"], Is.EqualTo("Caseworker"));

        etag = await ToNoticeAsync(county, id, etag);
        Today("2026-07-14");
        (_, etag) = await StepAsync(county, id, "public-notice/close", new { }, etag);

        var refused = await county.PostJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "Approve" }, null, etag);
        var problem = await refused.ProblemAsync(HttpStatusCode.Conflict, "application.conflict-of-interest-visit-missing");
        Assert.That((string?)problem["detail"], Does.Contain("R-21"));

        // Reports: flagged cases are listed.
        var flagged = await (await county.GetAsync(new Uri("/api/v1/applications?regionCode=320682&flagged=true", UriKind.Relative))).JsonAsync();
        Assert.That(flagged["items"]!.AsArray().Select(a => (string?)a!["id"]), Does.Contain(id.ToString()));

        // A township account cannot record the county's visit.
        var byTownship = await Township().PostJsonAsync($"/api/v1/applications/{id}/county-home-visits",
            new { purpose = "ConflictOfInterest", investigators = Investigators, findings = "x" }, null, etag);
        await byTownship.ProblemAsync(HttpStatusCode.Conflict, "application.decision-needs-county");

        (_, etag) = await StepAsync(county, id, "county-home-visits",
            new { purpose = "ConflictOfInterest", investigators = new[] { new { name = "县局甲" }, new { name = "县局乙" } }, findings = "入户核实，情况属实" }, etag);
        var (body, _) = await StepAsync(county, id, "decision", new { decision = "Approve", reasons = "经县级入户核实" }, etag);
        Assert.That((string?)body["status"], Is.EqualTo("Enrolled"));
    }

    [Test]
    public async Task ConcurrentApprovals_OfTheSameApplication_YieldOneEnrolment()
    {
        var household = await PoorFamilyAsync();
        var county = County();
        Today("2026-08-03");
        var (id, etag, _) = await SubmitAsync(county, household, "Dibao");
        etag = await ToNoticeAsync(county, id, etag);
        Today("2026-08-11");
        (_, etag) = await StepAsync(county, id, "public-notice/close", new { }, etag);

        var a = Factory.ClientAs("county-a", "320682", null, "cases.read", "cases.write", "cases.approve");
        var b = Factory.ClientAs("county-b", "320682", null, "cases.read", "cases.write", "cases.approve");
        var responses = await Task.WhenAll(
            a.PostJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "Approve", reasons = "A" }, Guid.NewGuid().ToString(), etag),
            b.PostJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "Approve", reasons = "B" }, Guid.NewGuid().ToString(), etag));
        var statuses = responses.Select(r => r.StatusCode).OrderBy(s => (int)s).ToList();
        Assert.That(statuses[0], Is.EqualTo(HttpStatusCode.OK), string.Join(" | ", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))));
        Assert.That(statuses[1], Is.AnyOf(HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict));

        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM enrolments WHERE application_id = $1", connection);
        cmd.Parameters.AddWithValue(id);
        Assert.That((long)(await cmd.ExecuteScalarAsync())!, Is.EqualTo(1));
    }

    [Test]
    public async Task Overdue_ListsCasesWithAnOpenStepPastItsDueDate()
    {
        var household = await PoorFamilyAsync();
        var county = County();
        Today("2026-09-01"); // Tue: start verification due Fri 09-04.
        var (id, etag, _) = await SubmitAsync(county, household, "Dibao");
        (_, _) = await StepAsync(county, id, "accept", new { }, etag);

        Today("2026-09-04");
        var onTime = await (await county.GetAsync(new Uri("/api/v1/applications?overdue=true&regionCode=320682", UriKind.Relative))).JsonAsync();
        Assert.That(onTime["items"]!.AsArray().Select(a => (string?)a!["id"]), Does.Not.Contain(id.ToString()));

        Today("2026-09-07");
        var late = await (await county.GetAsync(new Uri("/api/v1/applications?overdue=true&regionCode=320682", UriKind.Relative))).JsonAsync();
        var row = late["items"]!.AsArray().SingleOrDefault(a => (string?)a!["id"] == id.ToString());
        Assert.That(row, Is.Not.Null);
        Assert.That((string?)row!["overdueDeadlines"]![0]!["step"], Is.EqualTo("StartVerification"));
        Assert.That((string?)row["overdueDeadlines"]![0]!["dueOn"], Is.EqualTo("2026-09-04"));

        var single = await (await county.GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative))).JsonAsync();
        Assert.That((bool?)single["overdue"], Is.True);

        // Another region sees nothing of it.
        var other = await Factory.ClientWith("610000", "cases.read").GetAsync(new Uri("/api/v1/applications?overdue=true&regionCode=320682", UriKind.Relative));
        await other.ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
    }

    [Test]
    public async Task Calendar_SeededYears_AndAMissingYearIsAnExplicitError()
    {
        var reader = Factory.ClientWith("000000", "policy.read");
        var years = await (await reader.GetAsync(new Uri("/api/v1/calendar", UriKind.Relative))).JsonAsync();
        Assert.That(years["items"]!.AsArray().Select(y => (int)y!["year"]!), Is.EqualTo(Enumerable.Range(2019, 8)));

        var y2026 = await reader.GetAsync(new Uri("/api/v1/calendar/2026", UriKind.Relative));
        var body = await y2026.JsonAsync();
        Assert.That((string?)body["source"], Does.Contain("国办发明电〔2025〕7号"));
        Assert.That(body["makeUpWorkingDays"]!.AsArray().Select(d => (string?)d), Does.Contain("2026-02-14").And.Contain("2026-10-10"));
        Assert.That(body["holidays"]!.AsArray().Any(h => (string?)h!["date"] == "2026-02-17" && (string?)h["name"] == "春节"), Is.True);

        var missing = await reader.GetAsync(new Uri("/api/v1/calendar/2027", UriKind.Relative));
        await missing.ProblemAsync(HttpStatusCode.NotFound, "calendar-year.not-found");

        // A case accepted at the end of 2026 needs 2027 for its deadline: refused explicitly, nothing written.
        var household = await PoorFamilyAsync();
        var county = County();
        Today("2026-12-30");
        var (id, etag, _) = await SubmitAsync(county, household, "Dibao");
        var accept = await county.PostJsonAsync($"/api/v1/applications/{id}/accept", new { }, null, etag);
        var problem = await accept.ProblemAsync(HttpStatusCode.Conflict, "calendar.year-missing");
        Assert.That((string?)problem["detail"], Does.Contain("2027"));
        var still = await county.GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative));
        Assert.That((string?)(await still.JsonAsync())["status"], Is.EqualTo("Submitted"));

        // policy.admin publishes 2027 (New Year 01-01..01-03 as an example); then the step goes through.
        var forbidden = await reader.SendJsonAsync(HttpMethod.Put, "/api/v1/calendar/2027", new { source = "test", holidays = Array.Empty<object>(), makeUpWorkingDays = Array.Empty<string>() });
        await forbidden.ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        var admin = Factory.ClientWith("000000", "policy.admin", "policy.read");
        var badDay = await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/calendar/2027",
            new { source = "国办发明电（测试）", holidays = Array.Empty<object>(), makeUpWorkingDays = new[] { "2027-01-04" } });
        await badDay.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var put = await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/calendar/2027", new
        {
            source = "国务院办公厅关于2027年部分节假日安排的通知（测试数据）",
            holidays = new[] { new { date = "2027-01-01", name = "元旦" } },
            makeUpWorkingDays = Array.Empty<string>(),
            reason = "发布 2027 年日历",
        });
        var putBody = await put.JsonAsync();
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), putBody.ToJsonString());
        var again = await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/calendar/2027", new { source = "x", holidays = Array.Empty<object>(), makeUpWorkingDays = Array.Empty<string>() });
        await again.ProblemAsync(HttpStatusCode.PreconditionFailed, "calendar-year.version-mismatch");

        // 12-30 + 3 working days: 12-31, [01-01 holiday], 01-04, 01-05.
        var (accepted, _) = await StepAsync(county, id, "accept", new { }, etag);
        Assert.That((string?)accepted["deadlines"]!.AsArray().Single(d => (string?)d!["step"] == "StartVerification")!["dueOn"], Is.EqualTo("2027-01-05"));
    }

    [Test]
    public async Task BadBodies_OnTransitions_Are4xxProblemsAndNothingIsWritten()
    {
        var household = await PoorFamilyAsync();
        var county = County();
        Today("2026-11-02");
        var (id, etag, _) = await SubmitAsync(county, household, "Dibao");
        (_, etag) = await StepAsync(county, id, "accept", new { }, etag);
        (_, etag) = await StepAsync(county, id, "verification-request", new { }, etag);
        var url = $"/api/v1/applications/{id}";

        async Task Expect(string path, string json, HttpStatusCode status, string code)
        {
            var response = await county.SendJsonAsync(HttpMethod.Post, url + path, JsonNode.Parse(json), etag);
            await response.ProblemAsync(status, code);
        }

        await Expect("/verification-results", """{"source":"Lottery","outcome":"Pass"}""", HttpStatusCode.BadRequest, "request.malformed-json");
        await Expect("/verification-results", """{"source":"Bank","outcome":"Discrepancy"}""", HttpStatusCode.Conflict, "application.discrepancy-needs-details");
        // investigators is required in the contract: null is refused as bad input, before any rule runs.
        await Expect("/home-surveys", """{"investigators":null,"findings":"x"}""", HttpStatusCode.BadRequest, "validation.failed");
        await Expect("/home-surveys", """{"investigators":[{"name":"甲"},{"name":"乙"}],"findings":""}""", HttpStatusCode.BadRequest, "validation.failed");
        await Expect("/home-surveys", """{"investigators":[{"name":"甲"},{"name":"乙"}],"findings":"x","reason":"{{long}}"}""".Replace("{{long}}", new string('x', 3000), StringComparison.Ordinal),
            HttpStatusCode.BadRequest, "validation.failed");
        await Expect("/decision", """{"decision":"Maybe"}""", HttpStatusCode.BadRequest, "request.malformed-json");
        await Expect("/objections", """{"details":"x","resolution":"ReopenSurvey"}""", HttpStatusCode.Conflict, "application.invalid-transition");
        await Expect("/county-home-visits", """{"purpose":"RandomCheck","investigators":[{"name":"甲"}],"findings":"x"}""", HttpStatusCode.Conflict,
            "application.survey-needs-two-investigators");

        var unknown = await county.PostJsonAsync($"/api/v1/applications/{Guid.NewGuid()}/accept", new { }, null, "\"1\"");
        await unknown.ProblemAsync(HttpStatusCode.NotFound, "application.not-found");
        var badETag = await county.SendJsonAsync(HttpMethod.Post, url + "/accept", null, "1");
        await badETag.ProblemAsync(HttpStatusCode.BadRequest, "request.if-match-invalid");

        var after = await county.GetAsync(new Uri(url, UriKind.Relative));
        Assert.That(ETag(after), Is.EqualTo(etag), "no refused request changed the application");
        Assert.That((string?)(await after.JsonAsync())["status"], Is.EqualTo("Verifying"));
    }
}
