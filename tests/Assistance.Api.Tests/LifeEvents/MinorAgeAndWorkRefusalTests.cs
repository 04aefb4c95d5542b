namespace Assistance.Api.Tests.LifeEvents;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>R-34 (tekun minors reaching the minor age limit) and R-35 (refusals of suitable work).</summary>
public sealed class MinorAgeAndWorkRefusalTests : LifeEventTestBase
{
    /// <summary>A one-person household of an orphaned minor (no supporter, no labour): tekun by the minor category.</summary>
    private async Task<HouseholdRef> OrphanAsync(string name, string birthDate, bool inSchool)
    {
        var response = await Admin().PostJsonAsync("/api/v1/households", new
        {
            regionCode = "320682001",
            residence = "Rural",
            address = "如皋市如城街道",
            members = new[]
            {
                new
                {
                    idNumber = IdNumber(birthDate), name, relationship = "Head", status = "Present", laborCapacity = "None", selfCare = "SelfCare",
                    hasCapableSupporter = false, inSchool, incomes = Array.Empty<object>(),
                },
            },
        }, Guid.NewGuid().ToString());
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        var members = body["members"]!.AsArray();
        return new HouseholdRef(Guid.Parse((string)body["id"]!), members.Select(m => Guid.Parse((string)m!["id"]!)).ToList(), members.Select(m => (string)m!["idNumber"]!).ToList());
    }

    [Test]
    public async Task TekunMinor_PastTheLimit_Ends_UnlessInSchool()
    {
        var leaver = await OrphanAsync("吴离校", "2008-08-15", inSchool: false);
        var pupil = await OrphanAsync("吴在校", "2008-08-10", inSchool: true);
        var leaverEnrolment = await EnrolAsync(leaver, "Tekun", "2026-01-05", "2026-01-13", careSetting: "Decentralized");
        var pupilEnrolment = await EnrolAsync(pupil, "Tekun", "2026-01-05", "2026-01-13", careSetting: "Decentralized");

        // Before the 18th birthday nothing ends.
        Today("2026-08-09");
        var early = await County().PostJsonAsync("/api/v1/enrolments/tekun-minor-age-limit", new { asOf = "2026-08-09" }, Guid.NewGuid().ToString());
        var earlyBody = await early.JsonAsync();
        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.OK), earlyBody.ToJsonString());
        Assert.That(earlyBody["ended"]!.AsArray().Select(x => (string?)x!["enrolmentId"]), Does.Not.Contain((string?)leaverEnrolment["id"]));

        Today("2026-08-20");
        var future = await County().PostJsonAsync("/api/v1/enrolments/tekun-minor-age-limit", new { asOf = "2026-08-21" });
        await future.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        var run = await County().PostJsonAsync("/api/v1/enrolments/tekun-minor-age-limit", new { asOf = "2026-08-20" }, Guid.NewGuid().ToString());
        var result = await run.JsonAsync();
        Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.OK), result.ToJsonString());
        var ended = result["ended"]!.AsArray().Single(x => (string?)x!["enrolmentId"] == (string?)leaverEnrolment["id"])!;
        var continuing = result["continuing"]!.AsArray().Single(x => (string?)x!["enrolmentId"] == (string?)pupilEnrolment["id"])!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)ended["limitReachedOn"], Is.EqualTo("2026-08-15"));
            Assert.That((string?)continuing["outcome"], Is.EqualTo("InSchool"));
            Assert.That(result["ended"]!.AsArray().Select(x => (string?)x!["enrolmentId"]), Does.Not.Contain((string?)pupilEnrolment["id"]));
        });

        var leaverNow = await GetEnrolmentAsync((string)leaverEnrolment["id"]!);
        var pupilNow = await GetEnrolmentAsync((string)pupilEnrolment["id"]!);
        Assert.Multiple(() =>
        {
            Assert.That(((string?)leaverNow["status"], (string?)leaverNow["endedOn"]), Is.EqualTo(("Ended", "2026-08-15")));
            Assert.That((string?)pupilNow["status"], Is.EqualTo("Active"));
        });

        // Idempotent: a second run for the day ends nothing more.
        var again = await (await County().PostJsonAsync("/api/v1/enrolments/tekun-minor-age-limit", new { asOf = "2026-08-20" }, Guid.NewGuid().ToString())).JsonAsync();
        Assert.That(again["ended"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task TekunMinorAgeLimitJob_RunsTheSameRuleAsTheSystem_OncePerDay()
    {
        var leaver = await OrphanAsync("周离校", "2008-09-03", inSchool: false);
        var enrolment = await EnrolAsync(leaver, "Tekun", "2026-01-05", "2026-01-13", careSetting: "Decentralized");
        var ops = Factory.ClientWith("000000", "ops.read", "ops.run");

        // The operator holds only ops.run: the job acts as the system (national scope), not as the operator.
        Today("2026-09-10");
        var run = await ops.PostJsonAsync("/api/v1/jobs/tekun-minor-age-limit/runs", new { period = "2026-09-10" });
        var body = await run.JsonAsync();
        Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.That(((string?)body["outcome"], (long?)body["counts"]!["ended"]), Is.EqualTo(("Succeeded", 1L)));

        var now = await GetEnrolmentAsync((string)enrolment["id"]!);
        Assert.That(((string?)now["status"], (string?)now["endedOn"]), Is.EqualTo(("Ended", "2026-09-03")));
        var trail = await (await County().GetAsync(new Uri($"/api/v1/audit-events?entityType=Enrolment&entityId={enrolment["id"]}", UriKind.Relative))).JsonAsync();
        Assert.That(trail["items"]!.AsArray().Select(r => (string?)r!["actor"]), Does.Contain("system:tekun-minor-age-limit"));

        var again = await (await ops.PostJsonAsync("/api/v1/jobs/tekun-minor-age-limit/runs", new { period = "2026-09-10" })).JsonAsync();
        Assert.That((string?)again["outcome"], Is.EqualTo("Skipped"));
    }

    [Test]
    public async Task ThirdConsecutiveUnjustifiedWorkRefusal_CutsThatMembersShare_FromTheNextMonth()
    {
        var family = await InsertHouseholdAsync("320682001", "Urban",
            new Member("郑父", "1975-03-04", Labor: "Partial"),
            new Member("郑母", "1977-05-06", Labor: "None", Relationship: "Spouse"),
            new Member("郑子", "2013-06-01", Labor: "None", Supporter: true, Relationship: "Child"));
        var enrolment = await EnrolAsync(family, "Dibao", "2026-01-05", "2026-01-13");
        var id = (string)enrolment["id"]!;
        var amount = (decimal)enrolment["monthlyAmount"]!;
        var etag = ETag(await County().GetAsync(new Uri($"/api/v1/enrolments/{id}", UriKind.Relative)));

        Today("2026-03-20");
        async Task<JsonNode> RefuseAsync(string on, bool justified = false, string? justification = null)
        {
            var response = await County().PostJsonAsync($"/api/v1/enrolments/{id}/work-refusals",
                new { memberId = family.MemberIds[0], refusedOn = on, offer = "社区保洁员，每日4小时", justified, justification }, null, etag);
            var body = await response.JsonAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
            etag = ETag(response);
            return body;
        }

        var notCovered = await County().PostJsonAsync($"/api/v1/enrolments/{id}/work-refusals",
            new { memberId = Guid.NewGuid(), refusedOn = "2026-03-01", offer = "x" }, null, etag);
        await notCovered.ProblemAsync(HttpStatusCode.Conflict, "work-refusal.member-not-covered");

        var first = await RefuseAsync("2026-03-02");
        var excused = await RefuseAsync("2026-03-05", justified: true, justification: "住院治疗");
        var second = await RefuseAsync("2026-03-09");
        var third = await RefuseAsync("2026-03-12");
        Assert.Multiple(() =>
        {
            Assert.That((int?)first["consecutiveUnjustified"], Is.EqualTo(1));
            Assert.That((int?)excused["consecutiveUnjustified"], Is.EqualTo(0));
            Assert.That((int?)second["consecutiveUnjustified"], Is.EqualTo(1), "a justified refusal ends the run");
            Assert.That((int?)third["consecutiveUnjustified"], Is.EqualTo(2));
            Assert.That(third["shareCut"], Is.Null);
            Assert.That((decimal?)third["amountAfter"], Is.EqualTo(amount));
        });

        var cutting = await RefuseAsync("2026-03-18");
        var share = decimal.Round(amount / 3, 2, MidpointRounding.AwayFromZero);
        Assert.Multiple(() =>
        {
            Assert.That((int?)cutting["consecutiveUnjustified"], Is.EqualTo(3));
            Assert.That((int?)cutting["refusalsToCut"], Is.EqualTo(3));
            Assert.That((decimal?)cutting["shareCut"], Is.EqualTo(share));
            Assert.That((decimal?)cutting["amountAfter"], Is.EqualTo(amount - share));
            Assert.That((string?)cutting["effectiveMonth"], Is.EqualTo("2026-04"));
        });

        var fourth = await RefuseAsync("2026-03-19");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(fourth["shareCut"], Is.Null, "the share is cut once");
            Assert.That((decimal)(await GetEnrolmentAsync(id))["monthlyAmount"]!, Is.EqualTo(amount - share));
        });
    }
}
