namespace Assistance.Api.Tests.Reviews;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>Reviews through the API: due dates per class and region, each outcome, a gradual exit to its end, bad input (R-30, R-32).</summary>
public sealed class ReviewTests : ReviewTestBase
{
    [Test]
    public async Task DueDates_FollowTheIntervalOfEachClassAndRegion_AndTheDueListShowsThemWhenDue()
    {
        var county = County();

        // Changzhou (320402) reviews stable dibao households every 9 months from 2026 (a regional value of the parameter).
        var admin = Admin();
        var set = await admin.PostJsonAsync("/api/v1/policy/parameters", new JsonObject
        {
            ["key"] = "review.intervalMonths.dibaoStable",
            ["regionCode"] = "320402",
            ["effectiveFrom"] = "2026-01-01",
            ["value"] = 9,
            ["source"] = "测试文件 二",
        });
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.Created), await set.Content.ReadAsStringAsync());

        // Approved 2026-03-12: paid from 2026-04, so each interval counts from 2026-04-01.
        var unstable = await EnrolAsync(county, await PoorFamilyAsync(), "Dibao", "2026-03-04");
        var stable = await EnrolAsync(county, await ElderlyCoupleAsync(), "Dibao", "2026-03-04");
        var tekun = await EnrolAsync(county, await LoneElderAsync(), "Tekun", "2026-03-04", careSetting: "Centralized");
        var changzhou = await EnrolAsync(CountyOf("320402"), await ElderlyCoupleAsync("320402"), "Dibao", "2026-03-04");

        Assert.That((string?)unstable["dibaoClass"], Is.EqualTo("C"));
        Assert.That(((int?)unstable["reviewIntervalMonths"], (string?)unstable["nextReviewOn"]), Is.EqualTo((6, "2026-10-01")));
        Assert.That((string?)stable["dibaoClass"], Is.EqualTo("A"));
        Assert.That(((int?)stable["reviewIntervalMonths"], (string?)stable["nextReviewOn"]), Is.EqualTo((12, "2027-04-01")));
        Assert.That(((int?)tekun["reviewIntervalMonths"], (string?)tekun["nextReviewOn"]), Is.EqualTo((12, "2027-04-01")));
        Assert.That(((int?)changzhou["reviewIntervalMonths"], (string?)changzhou["nextReviewOn"]), Is.EqualTo((9, "2027-01-01")));

        // On 2026-10-01 only the unstable household is due in Rugao; Changzhou's falls due on 2027-01-01.
        Today("2026-10-01");
        var due = await DueAsync(county, "320682", "2026-10-02");
        Assert.That(due, Does.Contain((string)unstable["id"]!));
        Assert.That(due, Does.Not.Contain((string)stable["id"]!).And.Not.Contain((string)tekun["id"]!));
        Assert.That(await DueAsync(county, "320682", "2026-10-01"), Does.Not.Contain((string)unstable["id"]!), "before is exclusive");
        Assert.That(await DueAsync(admin, "320402", "2027-01-01"), Does.Not.Contain((string)changzhou["id"]!));
        Assert.That(await DueAsync(admin, "320402", "2027-01-02"), Does.Contain((string)changzhou["id"]!));
        var all = await DueAsync(county, "320682", "2027-04-02");
        Assert.That(all, Is.SupersetOf(new[] { (string)unstable["id"]!, (string)stable["id"]!, (string)tekun["id"]! }));
        Assert.That(all, Is.Unique, "cursor pages neither repeat nor skip");

        // A caller of another county does not see Rugao's due list.
        var other = await Factory.ClientWith("320402", "cases.read").GetAsync(Url("/api/v1/reviews/due?regionCode=320682"));
        await other.ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
    }

    [Test]
    public async Task Review_Continue_Adjust_Terminate_EachDecidedByTheRuleWithTraceAndAudit()
    {
        var county = County();
        var continuing = await PoorFamilyAsync();
        var adjusting = await PoorFamilyAsync();
        var ending = await PoorFamilyAsync();
        var e1 = await EnrolAsync(county, continuing, "Dibao", "2026-03-04");
        var e2 = await EnrolAsync(county, adjusting, "Dibao", "2026-03-04");
        var e3 = await EnrolAsync(county, ending, "Dibao", "2026-03-04");
        Today("2026-10-09");

        // Continue: nothing changed; the next review moves 6 months (unstable) from the review date.
        var r1 = await CreatedAsync(await ReviewAsync(county, Guid.Parse((string)e1["id"]!), "2026-10-08", await HouseholdVersionAsync(continuing)));
        Assert.That((string?)r1["outcome"], Is.EqualTo("Continue"));
        Assert.That((string?)r1["rule"], Is.EqualTo("R-30"));
        Assert.That((decimal?)r1["amountAfter"], Is.EqualTo((decimal?)e1["monthlyAmount"]));
        Assert.That((string?)r1["nextReviewOn"], Is.EqualTo("2027-04-08"));
        Assert.That(r1["assessment"]!["trace"]!.AsArray(), Is.Not.Empty, "the reassessment trace is stored with the review");
        Assert.That((string?)r1["assessment"]!["asOf"], Is.EqualTo("2026-10-08"));
        var after1 = await GetEnrolmentAsync(county, Guid.Parse((string)e1["id"]!));
        Assert.That(((string?)after1["status"], (string?)after1["nextReviewOn"]), Is.EqualTo(("Active", "2027-04-08")));

        // Adjust: the head earns 300 a month; the amount drops from the next month, by the reassessment's amount.
        var version = await SetWageAsync(adjusting, 0, Head, 300m);
        var r2 = await CreatedAsync(await ReviewAsync(county, Guid.Parse((string)e2["id"]!), "2026-10-08", version));
        Assert.That((string?)r2["outcome"], Is.EqualTo("Adjust"));
        Assert.That((decimal?)r2["amountBefore"], Is.EqualTo((decimal?)e2["monthlyAmount"]));
        Assert.That((decimal?)r2["amountAfter"], Is.EqualTo((decimal?)r2["assessment"]!["monthlyAmount"]).And.LessThan((decimal)r2["amountBefore"]!));
        Assert.That((string?)r2["effectiveMonth"], Is.EqualTo("2026-11"));
        Assert.That((long?)r2["householdVersion"], Is.EqualTo(version));
        var after2 = await GetEnrolmentAsync(county, Guid.Parse((string)e2["id"]!));
        Assert.That((decimal?)after2["monthlyAmount"], Is.EqualTo((decimal?)r2["amountAfter"]));

        // Terminate: income far above the line, not from a member finding work.
        version = await SetWageAsync(ending, 0, Head, 9000m);
        var r3 = await CreatedAsync(await ReviewAsync(county, Guid.Parse((string)e3["id"]!), "2026-10-08", version, fromWork: false));
        Assert.That(((string?)r3["outcome"], (string?)r3["rule"], (bool?)r3["terminationPostponed"]), Is.EqualTo(("Terminate", "R-30", false)));
        var after3 = await GetEnrolmentAsync(county, Guid.Parse((string)e3["id"]!));
        Assert.That(((string?)after3["status"], (string?)after3["endedOn"]), Is.EqualTo(("Ended", "2026-10-08")));

        // Listed and gettable per enrolment; audited through the enrolment's events.
        var list = await (await county.GetAsync(Url($"/api/v1/enrolments/{e2["id"]}/reviews"))).JsonAsync();
        Assert.That(list["items"]!.AsArray().Select(i => (string?)i!["id"]), Is.EqualTo(new[] { (string?)r2["id"] }));
        var got = await (await county.GetAsync(Url($"/api/v1/enrolments/{e2["id"]}/reviews/{r2["id"]}"))).JsonAsync();
        Assert.That((string?)got["outcome"], Is.EqualTo("Adjust"));
        var wrongParent = await county.GetAsync(Url($"/api/v1/enrolments/{e1["id"]}/reviews/{r2["id"]}"));
        await wrongParent.ProblemAsync(HttpStatusCode.NotFound, "review.not-found");
        var audit = await (await county.GetAsync(Url($"/api/v1/audit-events?entityType=Enrolment&entityId={e3["id"]}"))).JsonAsync();
        var actions = audit["items"]!.AsArray().Select(a => (string?)a!["action"]).ToList();
        Assert.That(actions, Does.Contain("Reviewed").And.Contain("End"));
    }

    [Test]
    public async Task GradualExit_KeepsTheAmountForTheRegionsMonths_ThenEnds_AndNotBefore()
    {
        var county = County();
        var household = await PoorFamilyAsync();
        var enrolment = await EnrolAsync(county, household, "Dibao", "2026-03-04");
        var id = Guid.Parse((string)enrolment["id"]!);

        // The head found work: income over the line. dibao.gradualExit.maxMonths is 6 for Rugao in 2026 (N-83).
        Today("2026-10-09");
        var version = await SetWageAsync(household, 0, Head, 9000m);
        var review = await CreatedAsync(await ReviewAsync(county, id, "2026-10-08", version, fromWork: true));
        Assert.That(((string?)review["outcome"], (string?)review["rule"]), Is.EqualTo(("GradualExit", "R-32")));
        Assert.That((string?)review["source"], Does.Contain("N-83"));
        Assert.That((decimal?)review["amountAfter"], Is.EqualTo((decimal?)enrolment["monthlyAmount"]), "the amount continues unchanged");
        Assert.That((string?)review["gradualExitEndsOn"], Is.EqualTo("2027-04-30"), "November to April: six months after the review month");
        var during = await GetEnrolmentAsync(county, id);
        Assert.That(((string?)during["status"], (decimal?)during["monthlyAmount"]), Is.EqualTo(("GradualExit", (decimal?)enrolment["monthlyAmount"])));

        // Not reviewed again while leaving, and not ended before its last day has passed.
        var again = await ReviewAsync(county, id, "2026-10-09", version);
        await again.ProblemAsync(HttpStatusCode.Conflict, "review.enrolment-not-active");
        var after = await EndsOnlyAfterItsLastDayAsync(county, id, "2027-04-30");
        Assert.That(((string?)after["status"], (string?)after["endedOn"]), Is.EqualTo(("Ended", "2027-04-30")));

        // Idempotent: the next run ends nothing more.
        var second = await RunExitsAsync(county, "2027-05-01");
        Assert.That(second["ended"]!.AsArray().Select(e => (string?)e!["enrolmentId"]), Does.Not.Contain(id.ToString()));
    }

    [Test]
    public async Task GradualExit_StartedByHand_GetsTheRegionsLength_AndTheExitsRunEndsItAfterTheFullLength()
    {
        var county = County();
        var household = await PoorFamilyAsync();
        var enrolment = await EnrolAsync(county, household, "Dibao", "2026-03-04");
        var id = Guid.Parse((string)enrolment["id"]!);
        Assert.That((string?)enrolment["nextReviewOn"], Is.Not.Null);

        // A caseworker starts the gradual exit directly (no review): dibao.gradualExit.maxMonths is 6 here (N-83), the
        // same length a review's GradualExit outcome gets.
        Today("2026-10-09");
        var response = await county.PostJsonAsync(
            $"/api/v1/enrolments/{id}/status", new { action = "StartGradualExit", reason = "户主就业" }, Guid.NewGuid().ToString(), $"\"{(long)enrolment["version"]!}\"");
        var started = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), started.ToJsonString());
        Assert.That(
            ((string?)started["status"], (string?)started["gradualExitEndsOn"], (string?)started["nextReviewOn"], (decimal?)started["monthlyAmount"]),
            Is.EqualTo(("GradualExit", "2027-04-30", (string?)null, (decimal?)enrolment["monthlyAmount"])));

        var after = await EndsOnlyAfterItsLastDayAsync(county, id, "2027-04-30");
        Assert.That(((string?)after["status"], (string?)after["endedOn"], (string?)after["gradualExitEndsOn"]), Is.EqualTo(("Ended", "2027-04-30", "2027-04-30")));
    }

    [Test]
    public async Task BadInput_IsAProblemAndChangesNothing()
    {
        var county = County();
        var household = await PoorFamilyAsync();
        var enrolment = await EnrolAsync(county, household, "Dibao", "2026-03-04");
        var id = Guid.Parse((string)enrolment["id"]!);
        Today("2026-10-09");
        var version = await HouseholdVersionAsync(household);
        var etag = (await county.GetAsync(Url($"/api/v1/enrolments/{id}"))).Headers.ETag!.ToString();

        // No If-Match: 428. A stale household version: 409. A future date: 409. A missing date: 400. Unknown enrolment: 404.
        var noIfMatch = await county.PostJsonAsync($"/api/v1/enrolments/{id}/reviews", new { reviewedOn = "2026-10-08", householdVersion = version });
        Assert.That(noIfMatch.StatusCode, Is.EqualTo((HttpStatusCode)428));
        await (await ReviewAsync(county, id, "2026-10-08", version + 1, etag: etag)).ProblemAsync(HttpStatusCode.Conflict, "review.household-version-stale");
        await (await ReviewAsync(county, id, "2026-10-10", version, etag: etag)).ProblemAsync(HttpStatusCode.Conflict, "review.date-out-of-range");
        var noDate = await county.PostJsonAsync($"/api/v1/enrolments/{id}/reviews", new { householdVersion = version }, null, etag);
        Assert.That(noDate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        await (await ReviewAsync(county, Guid.NewGuid(), "2026-10-08", version, etag: "\"1\"")).ProblemAsync(HttpStatusCode.NotFound, "enrolment.not-found");
        var future = await county.PostJsonAsync("/api/v1/reviews/exits", new { asOf = "2026-10-10" });
        Assert.That(future.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var unchanged = await GetEnrolmentAsync(county, id);
        Assert.That(((long?)unchanged["version"], (string?)unchanged["nextReviewOn"]), Is.EqualTo(((long?)enrolment["version"], (string?)enrolment["nextReviewOn"])));
        var reviews = await (await county.GetAsync(Url($"/api/v1/enrolments/{id}/reviews"))).JsonAsync();
        Assert.That(reviews["items"]!.AsArray(), Is.Empty);

        // The review applies once: a retry with the ETag it was made against is 412, not a second review.
        await CreatedAsync(await ReviewAsync(county, id, "2026-10-08", version, etag: etag));
        await (await ReviewAsync(county, id, "2026-10-08", version, etag: etag)).ProblemAsync(HttpStatusCode.PreconditionFailed, "enrolment.version-mismatch");
        reviews = await (await county.GetAsync(Url($"/api/v1/enrolments/{id}/reviews"))).JsonAsync();
        Assert.That(reviews["items"]!.AsArray(), Has.Count.EqualTo(1));
    }

    /// <summary>The exits run leaves a gradual exit alone on its last day and ends it, on that day, the day after.</summary>
    private async Task<JsonNode> EndsOnlyAfterItsLastDayAsync(HttpClient county, Guid id, string lastDay)
    {
        Today(lastDay);
        var early = await RunExitsAsync(county, lastDay);
        Assert.That(early["ended"]!.AsArray().Select(e => (string?)e!["enrolmentId"]), Does.Not.Contain(id.ToString()));
        Assert.That((string?)(await GetEnrolmentAsync(county, id))["status"], Is.EqualTo("GradualExit"));

        var dayAfter = DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Today(dayAfter);
        var run = await RunExitsAsync(county, dayAfter);
        var ended = run["ended"]!.AsArray().Single(e => (string?)e!["enrolmentId"] == id.ToString())!;
        Assert.That(((string?)ended["kind"], (string?)ended["endedOn"]), Is.EqualTo(("GradualExitCompleted", lastDay)));
        return await GetEnrolmentAsync(county, id);
    }
}
