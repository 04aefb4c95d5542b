namespace Assistance.Api.Tests.Workflow;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>
/// Issue 9 through the API: the deadline.* parameters drive due dates per region, the public notice is counted as
/// the Civil Code counts (Art. 201–203), and approval / stored-household assessments fill tekunSince from the member's
/// active tekun enrolment.
/// </summary>
public sealed class FidelityWorkflowTests : WorkflowTestBase
{
    private static JsonNode Deadline(JsonNode application, string step) =>
        application["deadlines"]!.AsArray().Single(d => (string?)d!["step"] == step)!;

    private HttpClient PolicyAdmin() => Factory.ClientWith("320682", "policy.read", "policy.admin");

    [Test]
    public async Task RegionalDeadlineOverride_ChangesTheDueDateOfThatRegionsCasesOnly()
    {
        var county = County();
        var overridden = await InsertHouseholdAsync("320682100", "Urban", new Member("赵一", "1980-05-05", Labor: "None"));
        var elsewhere = await InsertHouseholdAsync("320682002", "Urban", new Member("赵二", "1981-05-05", Labor: "None"));

        // The township 320682100 gives itself 5 working days to start verification (the national value is 3).
        var set = await PolicyAdmin().PostJsonAsync("/api/v1/policy/parameters", new
        {
            key = "deadline.dibao.verificationStartWorkingDays",
            regionCode = "320682100",
            effectiveFrom = "2026-01-01",
            value = 5,
            source = "测试：乡镇延长核对启动时限",
        }, Guid.NewGuid().ToString());
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.Created), (await set.JsonAsync()).ToJsonString());

        // Mon 2026-06-08: 3 working days → Thu 06-11; 5 working days → Mon 06-15.
        Today("2026-06-08");
        var (a, etagA, _) = await SubmitAsync(county, overridden, "Dibao");
        var (b, etagB, _) = await SubmitAsync(county, elsewhere, "Dibao");
        var (bodyA, _) = await StepAsync(county, a, "accept", new { reason = "受理" }, etagA);
        var (bodyB, _) = await StepAsync(county, b, "accept", new { reason = "受理" }, etagB);

        Assert.That((string?)Deadline(bodyA, "StartVerification")["dueOn"], Is.EqualTo("2026-06-15"));
        Assert.That((int?)Deadline(bodyA, "StartVerification")["limit"], Is.EqualTo(5));
        Assert.That((string?)Deadline(bodyB, "StartVerification")["dueOn"], Is.EqualTo("2026-06-11"));
        Assert.That((int?)Deadline(bodyB, "StartVerification")["limit"], Is.EqualTo(3));

        // The stored deadlines (used by ?overdue=true) follow the override too: on Fri 06-12 only the 3-day case is overdue.
        Today("2026-06-12");
        var overdue = await (await county.GetAsync(new Uri("/api/v1/applications?regionCode=320682&overdue=true", UriKind.Relative))).JsonAsync();
        var ids = overdue["items"]!.AsArray().Select(x => (string?)x!["id"]).ToList();
        Assert.That(ids, Does.Contain(b.ToString()));
        Assert.That(ids, Does.Not.Contain(a.ToString()));
    }

    [Test]
    public async Task PublicNotice_WhoseSeventhDayIsInNationalDay2026_ClosesOnlyAfterTheNextWorkingDay()
    {
        var county = County();
        var household = await PoorFamilyAsync();

        // Opened Thu 2026-09-24: the 7th day after it is 10-01, inside the National Day holiday (10-01 … 10-07);
        // the period ends on the next working day, Thu 10-08, and the notice closes from Fri 10-09.
        Today("2026-09-24");
        var (id, etag, _) = await SubmitAsync(county, household, "Dibao");
        etag = await ToNoticeAsync(county, id, etag);
        var current = await (await county.GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative))).JsonAsync();
        Assert.That((string?)current["noticeEndsOn"], Is.EqualTo("2026-10-08"));

        Today("2026-10-08");
        var early = await county.PostJsonAsync($"/api/v1/applications/{id}/public-notice/close", new { reason = "x" }, null, etag);
        var problem = await early.ProblemAsync(HttpStatusCode.Conflict, "application.notice-period-running");
        Assert.That((string?)problem["detail"], Does.Contain("2026-10-09"));

        Today("2026-10-09");
        var (body, _) = await StepAsync(county, id, "public-notice/close", new { reason = "公示无异议" }, etag);
        Assert.That((string?)body["noticeClosedOn"], Is.EqualTo("2026-10-09"));
    }

    [Test]
    public async Task PublicNotice_RegionalOverrideOfItsLength_MovesTheEnd()
    {
        var county = County();
        var household = await InsertHouseholdAsync("320682100", "Urban", new Member("钱一", "1979-01-02", Labor: "None"));
        var set = await PolicyAdmin().PostJsonAsync("/api/v1/policy/parameters", new
        {
            key = "deadline.dibao.publicNoticeCalendarDays",
            regionCode = "320682100",
            effectiveFrom = "2026-01-01",
            value = 10,
            source = "测试：公示 10 日",
        }, Guid.NewGuid().ToString());
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        // Opened Mon 2026-03-02, 10 days after it: Thu 03-12.
        Today("2026-03-02");
        var (id, etag, _) = await SubmitAsync(county, household, "Dibao");
        etag = await ToNoticeAsync(county, id, etag);
        var current = await (await county.GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative))).JsonAsync();
        Assert.That((string?)current["noticeEndsOn"], Is.EqualTo("2026-03-12"));
    }

    [Test]
    public async Task TekunMinor_ApprovedBeforeEighteen_StoredAssessmentAfterEighteenInSchoolContinues()
    {
        var county = County();

        // A 17-year-old orphan in school, no supporter, no income: a tekun minor.
        var response = await Admin().PostJsonAsync("/api/v1/households", new
        {
            regionCode = "320682001",
            residence = "Rural",
            address = "如皋市如城街道",
            members = new[]
            {
                new { idNumber = IdNumber("2009-03-01"), name = "孙小", relationship = "Head", laborCapacity = "Full", inSchool = true, hasCapableSupporter = false },
            },
        }, Guid.NewGuid().ToString());
        var created = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), created.ToJsonString());
        var household = new HouseholdRef(Guid.Parse((string)created["id"]!), [Guid.Parse((string)created["members"]![0]!["id"]!)], [(string)created["members"]![0]!["idNumber"]!]);

        Today("2026-03-02");
        var (id, etag, _) = await SubmitAsync(county, household, "Tekun");
        etag = await ToNoticeAsync(county, id, etag);
        Today("2026-03-10");
        (_, etag) = await StepAsync(county, id, "public-notice/close", new { }, etag);
        var (approved, _) = await StepAsync(county, id, "decision", new { decision = "Approve", careSetting = "Centralized", reasons = "未成年特困" }, etag);
        Assert.That((string?)approved["assessment"]!["outcome"], Is.EqualTo("Tekun"));

        // 2027-06-01: 18, past the national limit, still in school, enrolled since 2026-03-10 (aged 17): continues.
        var assessed = await Admin().PostJsonAsync($"/api/v1/households/{household.Id}/assessments", new { asOf = "2027-06-01" });
        var result = await assessed.JsonAsync();
        Assert.That(assessed.StatusCode, Is.EqualTo(HttpStatusCode.OK), result.ToJsonString());
        Assert.That((string?)result["outcome"], Is.EqualTo("Tekun"));
        var continuation = result["trace"]!.AsArray().Single(t => (string?)t!["rule"] == "R-34")!;
        Assert.That((bool?)continuation["passed"], Is.True);
        Assert.That((string?)continuation["detail"], Does.Contain("tekun since 2026-03-10 at age 17"));
    }
}
