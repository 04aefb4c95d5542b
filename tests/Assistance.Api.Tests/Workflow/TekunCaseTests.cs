namespace Assistance.Api.Tests.Workflow;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>A full tekun case across the 2026 Spring Festival and its make-up Saturdays, random check, care agreement .</summary>
public sealed class TekunCaseTests : WorkflowTestBase
{
    private static JsonNode Deadline(JsonNode application, string step) =>
        application["deadlines"]!.AsArray().Single(d => (string?)d!["step"] == step)!;

    [Test]
    public async Task FullTekunCase_WithRandomCheckAndCareAgreement_AcrossSpringFestival2026()
    {
        var elder = await LoneElderAsync();
        var county = County();

        // Mon 2026-02-09: accepted. Investigation within 15 working days: 02-10..02-14 (Sat 调休) = 5,
        // [02-15..02-23 Spring Festival], 02-24..02-28 (Sat 调休) = 10, 03-02..03-06 = 15.
        Today("2026-02-09");
        var (id, etag, _) = await SubmitAsync(county, elder, "Tekun");
        JsonNode body;
        (body, etag) = await StepAsync(county, id, "accept", new { reason = "乡镇受理" }, etag);
        Assert.That((string?)Deadline(body, "Investigation")["dueOn"], Is.EqualTo("2026-03-06"));
        Assert.That(body["deadlines"]!.AsArray().Select(d => (string?)d!["step"]), Is.EqualTo(new[] { "Investigation" }), "tekun has no 30-day whole-process limit");

        var extension = await county.PostJsonAsync($"/api/v1/applications/{id}/extension", new { reason = "x" }, null, etag);
        await extension.ProblemAsync(HttpStatusCode.Conflict, "application.extension-not-allowed");

        Today("2026-02-12");
        (_, etag) = await StepAsync(county, id, "verification-request", new { }, etag);
        foreach (var source in Sources)
        {
            (_, etag) = await StepAsync(county, id, "verification-results", new { source, outcome = "Pass" }, etag);
        }

        Today("2026-03-06");
        (body, etag) = await StepAsync(county, id, "home-surveys", new { investigators = Investigators, findings = "独居，全失能，无赡养人" }, etag);
        Assert.That((string?)Deadline(body, "Investigation")["state"], Is.EqualTo("Met"));
        (_, etag) = await StepAsync(county, id, "public-notice", new { }, etag);

        // Opened Fri 03-06, the notice runs 03-07 … 03-13 (the opening day is not counted) and closes from 03-14.
        Today("2026-03-16");
        (body, etag) = await StepAsync(county, id, "public-notice/close", new { reason = "公示无异议" }, etag);

        // County decision within 15 working days of Mon 03-16: 03-17 … 04-03 = 14, [04-04 … 04-06 Qingming], 04-07.
        Assert.That((string?)Deadline(body, "Decision")["dueOn"], Is.EqualTo("2026-04-07"));

        // The county draws its ≥ 30 % random home checks; the only tekun case awaiting decision is picked.
        var draw = await county.PostJsonAsync("/api/v1/applications/random-checks", new { regionCode = "320682", reason = "2026年3月抽查" }, Guid.NewGuid().ToString());
        var drawBody = await draw.JsonAsync();
        Assert.That(draw.StatusCode, Is.EqualTo(HttpStatusCode.OK), drawBody.ToJsonString());
        Assert.That(drawBody["newlySelected"]!.AsArray().Select(x => (string?)x), Does.Contain(id.ToString()));
        Assert.That((decimal?)drawBody["share"], Is.GreaterThanOrEqualTo(0.30m));

        var fresh = await county.GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative));
        etag = ETag(fresh);
        Assert.That((bool?)(await fresh.JsonAsync())["randomCheckSelected"], Is.True);

        Today("2026-03-16");
        var noVisit = await county.PostJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "Approve", careSetting = "Decentralized" }, null, etag);
        await noVisit.ProblemAsync(HttpStatusCode.Conflict, "application.random-check-visit-missing");

        var noCare = await county.PostJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "Approve" }, null, etag);
        await noCare.ProblemAsync(HttpStatusCode.Conflict, "enrolment.care-setting-missing");

        (_, etag) = await StepAsync(county, id, "county-home-visits", new { purpose = "RandomCheck", investigators = new[] { new { name = "县局甲" }, new { name = "县局乙" } }, findings = "情况属实" }, etag);
        (body, _) = await StepAsync(county, id, "decision", new { decision = "Approve", careSetting = "Decentralized", reasons = "符合特困人员认定条件" }, etag);
        Assert.That((string?)body["status"], Is.EqualTo("Enrolled"));
        Assert.That((string?)body["assessment"]!["outcome"], Is.EqualTo("Tekun"));
        Assert.That((string?)Deadline(body, "Decision")["state"], Is.EqualTo("Met"));

        var enrolmentId = (string)body["enrolmentIds"]![0]!;
        var enrolment = await (await county.GetAsync(new Uri($"/api/v1/enrolments/{enrolmentId}", UriKind.Relative))).JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That((string?)enrolment["programme"], Is.EqualTo("Tekun"));
            Assert.That((string?)enrolment["careSetting"], Is.EqualTo("Decentralized"));
            Assert.That((string?)enrolment["personMemberId"], Is.EqualTo(elder.MemberIds[0].ToString()));
            Assert.That((string?)enrolment["startMonth"], Is.EqualTo("2026-04"));
            Assert.That((decimal?)enrolment["monthlyAmount"], Is.EqualTo((decimal?)body["assessment"]!["members"]![0]!["monthlyAmount"]));
            Assert.That((decimal?)enrolment["monthlyAmount"], Is.GreaterThan(0m));
        });

        // Until its care agreement exists, the decentralized tekun person is listed as missing one.
        var missing = await (await county.GetAsync(new Uri("/api/v1/care-agreements/missing?regionCode=320682", UriKind.Relative))).JsonAsync();
        Assert.That(missing["items"]!.AsArray().Select(m => (string?)m!["enrolmentId"]), Does.Contain(enrolmentId));

        // Care agreement (关爱照料协议) with a visit every 30 days, then visits and the overdue list.
        var create = await county.PostJsonAsync("/api/v1/care-agreements",
            new { enrolmentId, carerName = "张阿姨", carerPhone = "13800000000", duties = "每日送餐，协助起居", visitFrequencyDays = 30, startsOn = "2026-04-01" },
            Guid.NewGuid().ToString());
        var agreement = await create.JsonAsync();
        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Created), agreement.ToJsonString());
        var agreementId = (string)agreement["id"]!;
        var twice = await county.PostJsonAsync("/api/v1/care-agreements",
            new { enrolmentId, carerName = "李", duties = "x", visitFrequencyDays = 30 });
        await twice.ProblemAsync(HttpStatusCode.Conflict, "care-agreement.exists");
        missing = await (await county.GetAsync(new Uri("/api/v1/care-agreements/missing?regionCode=320682", UriKind.Relative))).JsonAsync();
        Assert.That(missing["items"]!.AsArray().Select(m => (string?)m!["enrolmentId"]), Does.Not.Contain(enrolmentId));

        Today("2026-05-01"); // 04-01 + 30 = 05-01: due today, not overdue.
        var overdue = await (await county.GetAsync(new Uri("/api/v1/care-agreements/overdue?regionCode=320682", UriKind.Relative))).JsonAsync();
        Assert.That(overdue["items"]!.AsArray().Select(a => (string?)a!["id"]), Does.Not.Contain(agreementId));

        Today("2026-05-02");
        overdue = await (await county.GetAsync(new Uri("/api/v1/care-agreements/overdue?regionCode=320682", UriKind.Relative))).JsonAsync();
        Assert.That(overdue["items"]!.AsArray().Select(a => (string?)a!["id"]), Does.Contain(agreementId));

        var current = await county.GetAsync(new Uri($"/api/v1/care-agreements/{agreementId}", UriKind.Relative));
        var visit = await county.PostJsonAsync($"/api/v1/care-agreements/{agreementId}/visits",
            new { visitedOn = "2026-05-02", visitor = "村干部王", notes = "身体状况稳定" }, Guid.NewGuid().ToString(), ETag(current));
        var visited = await visit.JsonAsync();
        Assert.That(visit.StatusCode, Is.EqualTo(HttpStatusCode.OK), visited.ToJsonString());
        Assert.That((string?)visited["nextVisitDue"], Is.EqualTo("2026-06-01"));
        overdue = await (await county.GetAsync(new Uri("/api/v1/care-agreements/overdue?regionCode=320682", UriKind.Relative))).JsonAsync();
        Assert.That(overdue["items"]!.AsArray().Select(a => (string?)a!["id"]), Does.Not.Contain(agreementId));

        // Enrolment status: end, then never reactivated.
        var e = await county.GetAsync(new Uri($"/api/v1/enrolments/{enrolmentId}", UriKind.Relative));
        var ended = await county.PostJsonAsync($"/api/v1/enrolments/{enrolmentId}/status", new { action = "End", reason = "本人去世" }, null, ETag(e));
        Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ended.Content.ReadAsStringAsync());
        var resume = await county.PostJsonAsync($"/api/v1/enrolments/{enrolmentId}/status", new { action = "Resume", reason = "x" }, null, ETag(ended));
        await resume.ProblemAsync(HttpStatusCode.Conflict, "enrolment.ended");

        // The enrolment's own events are its audit trail: created on approval, ended with the reason given.
        var trail = await (await county.GetAsync(new Uri($"/api/v1/audit-events?entityType=Enrolment&entityId={enrolmentId}", UriKind.Relative))).JsonAsync();
        var rows = trail["items"]!.AsArray();
        Assert.That(rows.Select(r => (string?)r!["action"]), Is.EquivalentTo(new[] { "Created", "End" }));
        var endRow = rows.Single(r => (string?)r!["action"] == "End")!;
        Assert.That(((string?)endRow["reason"], (string?)endRow["before"]!["status"], (string?)endRow["after"]!["status"], (string?)endRow["after"]!["endedOn"]),
            Is.EqualTo(("本人去世", "Active", "Ended", "2026-05-02")));
    }

    [Test]
    public async Task CareAgreement_ForCentralizedTekun_IsRefused()
    {
        var elder = await LoneElderAsync();
        var county = County();
        Today("2026-06-01");
        var (id, etag, _) = await SubmitAsync(county, elder, "Tekun");
        etag = await ToNoticeAsync(county, id, etag);
        Today("2026-06-09");
        (_, etag) = await StepAsync(county, id, "public-notice/close", new { }, etag);
        var (body, _) = await StepAsync(county, id, "decision", new { decision = "Approve", careSetting = "Centralized" }, etag);
        var create = await county.PostJsonAsync("/api/v1/care-agreements",
            new { enrolmentId = (string)body["enrolmentIds"]![0]!, carerName = "敬老院", duties = "集中供养", visitFrequencyDays = 30 });
        await create.ProblemAsync(HttpStatusCode.Conflict, "care-agreement.needs-decentralized-tekun");
    }
}
