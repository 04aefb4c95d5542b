namespace Assistance.Api.Tests.LifeEvents;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>R-33: deaths and imprisonments applied in the month they happened; payments after that month become overpayments.</summary>
public sealed class DeathAndOverpaymentTests : LifeEventTestBase
{
    [Test]
    public async Task LateDeathNotice_OfTekunPerson_EndsEnrolmentOnTheDeathDate_AndRaisesTheExactOverpayment()
    {
        var elder = await LoneElderAsync();
        var enrolment = await EnrolAsync(elder, "Tekun", "2026-01-05", "2026-01-13", careSetting: "Centralized");
        var enrolmentId = (string)enrolment["id"]!;
        var amount = (decimal)enrolment["monthlyAmount"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)enrolment["startMonth"], Is.EqualTo("2026-02"));
            Assert.That(amount, Is.GreaterThan(0m));
        });

        // Died 2026-03-15; the notice arrives on 2026-06-10, when February … June have been paid.
        Today("2026-06-10");
        var received = await ReportCreatedAsync(Partner(), "Death", elder.IdNumbers[0], "2026-03-15");
        Assert.Multiple(() =>
        {
            Assert.That((string?)received["status"], Is.EqualTo("Processed"));
            Assert.That((string?)received["householdId"], Is.EqualTo(elder.Id.ToString()));
            Assert.That((string?)received["idNumber"], Does.Contain("*"), "the partner holds no pii.read");
            Assert.That((string?)received["effects"]!["memberStatusAfter"], Is.EqualTo("Deceased"));
            Assert.That(received["effects"]!["enrolmentsEnded"]!.AsArray().Select(x => (string?)x), Is.EqualTo(new[] { enrolmentId }));
        });

        var ended = await GetEnrolmentAsync(enrolmentId);
        Assert.Multiple(() =>
        {
            Assert.That((string?)ended["status"], Is.EqualTo("Ended"));
            Assert.That((string?)ended["endedOn"], Is.EqualTo("2026-03-15"));
        });
        Assert.That(await MemberStatusAsync(elder, 0), Is.EqualTo("Deceased"));

        var overpaymentId = (string)received["effects"]!["overpaymentIds"]![0]!;
        var overpayment = await County().GetAsync(new Uri($"/api/v1/overpayments/{overpaymentId}", UriKind.Relative));
        var o = await overpayment.JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(o["months"]!.AsArray().Select(m => (string?)m!["month"]), Is.EqualTo(new[] { "2026-04", "2026-05", "2026-06" }));
            Assert.That(o["months"]!.AsArray().Select(m => (decimal)m!["amount"]!), Is.All.EqualTo(amount));
            Assert.That(o["months"]!.AsArray().Select(m => (decimal)m!["due"]!), Is.All.EqualTo(0m));
            Assert.That((decimal)o["amount"]!, Is.EqualTo(amount * 3));
            Assert.That((string?)o["status"], Is.EqualTo("Open"));
            Assert.That((string?)o["enrolmentId"], Is.EqualTo(enrolmentId));
            Assert.That((string?)o["lifeEventId"], Is.EqualTo((string?)received["id"]));
        });

        // The enrolment's audit trail shows the end with the event as reason.
        var trail = await GetAsync($"/api/v1/audit-events?entityType=Enrolment&entityId={enrolmentId}");
        var end = trail["items"]!.AsArray().Single(r => (string?)r!["action"] == "End")!;
        Assert.That((string?)end["reason"], Does.Contain("R-33").And.Contain("Death on 2026-03-15"));

        // Recovered with If-Match; a second transition is refused.
        var recovered = await County().PostJsonAsync($"/api/v1/overpayments/{overpaymentId}/status", new { status = "Recovered", note = "已从代发账户追回" }, null, ETag(overpayment));
        var r = await recovered.JsonAsync();
        Assert.That(recovered.StatusCode, Is.EqualTo(HttpStatusCode.OK), r.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That((string?)r["status"], Is.EqualTo("Recovered"));
            Assert.That((string?)r["resolvedOn"], Is.EqualTo("2026-06-10"));
        });
        var again = await County().PostJsonAsync($"/api/v1/overpayments/{overpaymentId}/status", new { status = "WrittenOff", note = "x" }, null, ETag(recovered));
        await again.ProblemAsync(HttpStatusCode.Conflict, "overpayment.invalid-transition");
        var stale = await County().PostJsonAsync($"/api/v1/overpayments/{overpaymentId}/status", new { status = "WrittenOff", note = "x" }, null, ETag(overpayment));
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed, "overpayment.version-mismatch");
    }

    [Test]
    public async Task DeathOfSoleMember_InTheMonthItHappened_EndsTheEnrolment_WithNothingToRecover()
    {
        var single = await InsertHouseholdAsync("320682001", "Urban", new Member("赵独", "1976-02-02", Labor: "None", Supporter: true));
        var enrolment = await EnrolAsync(single, "Dibao", "2026-01-05", "2026-01-13");
        Assert.That((string?)enrolment["programme"], Is.EqualTo("Dibao"));
        var enrolmentId = (string)enrolment["id"]!;

        Today("2026-05-20");
        var received = await ReportCreatedAsync(Partner(), "Death", single.IdNumbers[0], "2026-05-18");
        Assert.Multiple(() =>
        {
            Assert.That(received["effects"]!["enrolmentsEnded"]!.AsArray().Select(x => (string?)x), Is.EqualTo(new[] { enrolmentId }));
            Assert.That(received["effects"]!["overpaymentIds"]!.AsArray(), Is.Empty, "May was due in full; June is not paid yet");
        });
        var ended = await GetEnrolmentAsync(enrolmentId);
        Assert.That(((string?)ended["status"], (string?)ended["endedOn"]), Is.EqualTo(("Ended", "2026-05-18")));
        var list = await GetAsync($"/api/v1/overpayments?enrolmentId={enrolmentId}");
        Assert.That(list["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task DeathOfOneOfThree_ReassessesTheRestFromTheNextMonth_AndRecoversTheDifference()
    {
        var family = await InsertHouseholdAsync("320682001", "Urban",
            new Member("钱父", "1975-03-04", Labor: "Partial"),
            new Member("钱母", "1977-05-06", Labor: "None", Relationship: "Spouse"),
            new Member("钱子", "2013-06-01", Labor: "None", Supporter: true, Relationship: "Child"));
        var enrolment = await EnrolAsync(family, "Dibao", "2026-01-05", "2026-01-13");
        var enrolmentId = (string)enrolment["id"]!;
        var forThree = (decimal)enrolment["monthlyAmount"]!;
        Assert.That(enrolment["covered"]!.AsArray(), Has.Count.EqualTo(3));

        // No income: the dibao amount is the standard times the counted members (R-14), so two members get two thirds.
        var forTwo = forThree / 3 * 2;
        Today("2026-06-10");
        var received = await ReportCreatedAsync(Partner(), "Death", family.IdNumbers[1], "2026-04-20");
        var reassessed = received["effects"]!["enrolmentsReassessed"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(received["effects"]!["enrolmentsEnded"]!.AsArray(), Is.Empty);
            Assert.That((string?)reassessed["enrolmentId"], Is.EqualTo(enrolmentId));
            Assert.That((decimal)reassessed["amountBefore"]!, Is.EqualTo(forThree));
            Assert.That((decimal)reassessed["amountAfter"]!, Is.EqualTo(forTwo));
            Assert.That((string?)reassessed["effectiveMonth"], Is.EqualTo("2026-05"));
        });

        var after = await GetEnrolmentAsync(enrolmentId);
        Assert.Multiple(() =>
        {
            Assert.That((string?)after["status"], Is.EqualTo("Active"));
            Assert.That((decimal)after["monthlyAmount"]!, Is.EqualTo(forTwo));
        });

        var o = await GetAsync($"/api/v1/overpayments/{(string)received["effects"]!["overpaymentIds"]![0]!}");
        Assert.Multiple(() =>
        {
            Assert.That(o["months"]!.AsArray().Select(m => (string?)m!["month"]), Is.EqualTo(new[] { "2026-05", "2026-06" }));
            Assert.That(o["months"]!.AsArray().Select(m => ((decimal)m!["paid"]!, (decimal)m["due"]!)), Is.All.EqualTo((forThree, forTwo)));
            Assert.That((decimal)o["amount"]!, Is.EqualTo((forThree - forTwo) * 2));
        });

        var trail = await GetAsync($"/api/v1/audit-events?entityType=Enrolment&entityId={enrolmentId}");
        var change = trail["items"]!.AsArray().Single(r => (string?)r!["action"] == "AmountChanged")!;
        Assert.That(((decimal?)change["before"]!["monthlyAmount"], (decimal?)change["after"]!["monthlyAmount"], (string?)change["after"]!["effectiveMonth"]),
            Is.EqualTo(((decimal?)forThree, (decimal?)forTwo, "2026-05")));

        // The dead member is no longer in the continuing enrolment's covered list (R-33); the two others stay.
        var stopped = trail["items"]!.AsArray().Single(r => (string?)r!["action"] == "CoverageStopped")!;
        var deadMemberId = (string?)stopped["after"]!["memberId"];
        var coveredBefore = enrolment["covered"]!.AsArray().Select(c => (string?)c!["memberId"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(((long?)stopped["before"]!["covered"], (long?)stopped["after"]!["covered"], (string?)stopped["after"]!["stoppedOn"]), Is.EqualTo((3L, 2L, "2026-04-20")));
            Assert.That(coveredBefore, Does.Contain(deadMemberId));
            Assert.That(after["covered"]!.AsArray().Select(c => (string?)c!["memberId"]), Is.EquivalentTo(coveredBefore.Where(m => m != deadMemberId)));
        });

        // The monthly report counts the dead member before the death month and not from it (R-33, R-62). Other tests of
        // this class enrol in the same township, all from February, with nothing else changing their covered persons
        // from March to May: the township's count drops by exactly this one person in April.
        var persons = new List<int?>();
        foreach (var month in new[] { "2026-03", "2026-04", "2026-05" })
        {
            var report = await GetAsync($"/api/v1/reports/monthly?regionCode=320682&month={month}");
            var township = report["regions"]!.AsArray().Single(r => (string?)r!["regionCode"] == "320682001")!;
            persons.Add((int?)township["programmes"]!.AsArray().Single(p => (string?)p!["programme"] == "Dibao")!["persons"]);
        }

        Assert.That((persons[0] - persons[1], persons[1] - persons[2]), Is.EqualTo(((int?)1, (int?)0)), $"persons March, April, May: {string.Join(", ", persons)}");
    }

    [Test]
    public async Task Imprisonment_StopsCounting_ThenRelease_CountsAgainOnlyAfterTheReassessmentTask()
    {
        var family = await InsertHouseholdAsync("320682001", "Urban",
            new Member("孙父", "1975-03-04", Labor: "Partial"),
            new Member("孙子", "2013-06-01", Labor: "None", Supporter: true, Relationship: "Child"));
        var enrolment = await EnrolAsync(family, "Dibao", "2026-01-05", "2026-01-13");
        var enrolmentId = (string)enrolment["id"]!;
        var forTwo = (decimal)enrolment["monthlyAmount"]!;

        Today("2026-05-05");
        var jailed = await ReportCreatedAsync(Partner(), "Imprisonment", family.IdNumbers[0], "2026-05-03");
        Assert.Multiple(() =>
        {
            Assert.That((string?)jailed["effects"]!["memberStatusAfter"], Is.EqualTo("Imprisoned"));
            Assert.That((decimal)jailed["effects"]!["enrolmentsReassessed"]![0]!["amountAfter"]!, Is.EqualTo(forTwo / 2));
            Assert.That(jailed["effects"]!["overpaymentIds"]!.AsArray(), Is.Empty);
        });
        Assert.That(await MemberStatusAsync(family, 0), Is.EqualTo("Imprisoned"));

        Today("2026-08-01");
        var released = await ReportCreatedAsync(Partner(), "Release", family.IdNumbers[0], "2026-07-30");
        Assert.That((string?)released["status"], Is.EqualTo("Matched"));
        var taskId = (string)released["effects"]!["reassessmentTaskId"]!;
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await MemberStatusAsync(family, 0), Is.EqualTo("Imprisoned"), "not counted again until reassessed");
            Assert.That((decimal)(await GetEnrolmentAsync(enrolmentId))["monthlyAmount"]!, Is.EqualTo(forTwo / 2));
        });

        var open = await GetAsync($"/api/v1/reassessment-tasks?status=Open&householdId={family.Id}");
        Assert.That(open["items"]!.AsArray().Select(t => (string?)t!["id"]), Is.EqualTo(new[] { taskId }));

        Today("2026-08-03");
        var task = await County().GetAsync(new Uri($"/api/v1/reassessment-tasks/{taskId}", UriKind.Relative));
        var noIfMatch = await County().PostJsonAsync($"/api/v1/reassessment-tasks/{taskId}/complete", new { note = "x" });
        await noIfMatch.ProblemAsync(HttpStatusCode.PreconditionRequired, "request.if-match-required");
        var done = await County().PostJsonAsync($"/api/v1/reassessment-tasks/{taskId}/complete", new { note = "刑满释放，已回家居住" }, null, ETag(task));
        var completed = await done.JsonAsync();
        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), completed.ToJsonString());
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((string?)completed["status"], Is.EqualTo("Completed"));
            Assert.That((decimal)completed["reassessed"]![0]!["amountAfter"]!, Is.EqualTo(forTwo));
            Assert.That((string?)completed["reassessed"]![0]!["effectiveMonth"], Is.EqualTo("2026-09"));
            Assert.That(await MemberStatusAsync(family, 0), Is.EqualTo("Present"));
            Assert.That((decimal)(await GetEnrolmentAsync(enrolmentId))["monthlyAmount"]!, Is.EqualTo(forTwo));
            Assert.That((string?)(await GetAsync($"/api/v1/life-events/{(string)released["id"]!}"))["status"], Is.EqualTo("Processed"));
        });

        var twice = await County().PostJsonAsync($"/api/v1/reassessment-tasks/{taskId}/complete", new { note = "x" }, null, ETag(done));
        await twice.ProblemAsync(HttpStatusCode.Conflict, "reassessment-task.completed");
    }

    [Test]
    public async Task Birth_OpensAReassessmentTask_WithoutChangingTheAmount()
    {
        var family = await InsertHouseholdAsync("320682001", "Urban",
            new Member("周父", "1975-03-04", Labor: "Partial"),
            new Member("周女", "2013-06-01", Labor: "None", Supporter: true, Relationship: "Child"));
        var enrolment = await EnrolAsync(family, "Dibao", "2026-01-05", "2026-01-13");
        var amount = (decimal)enrolment["monthlyAmount"]!;

        Today("2026-04-02");
        var missing = await ReportAsync(Partner(), new { eventId = NewEventId(), type = "Birth", idNumber = family.IdNumbers[0], occurredOn = "2026-03-30", reportingAgency = "如皋市卫健委" });
        await missing.Response.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        var born = await ReportCreatedAsync(Partner(), "Birth", family.IdNumbers[0], "2026-03-30", newPerson: new { name = "周小宝", birthDate = "2026-03-30" });
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((string?)born["status"], Is.EqualTo("Matched"));
            Assert.That((string?)born["newPerson"]!["name"], Is.EqualTo("周小宝"));
            Assert.That((string?)born["effects"]!["reassessmentTaskId"], Is.Not.Null);
            Assert.That((decimal)(await GetEnrolmentAsync((string)enrolment["id"]!))["monthlyAmount"]!, Is.EqualTo(amount));
        });
        var task = await GetAsync($"/api/v1/reassessment-tasks/{(string)born["effects"]!["reassessmentTaskId"]!}");
        Assert.That(((string?)task["trigger"], (string?)task["status"]), Is.EqualTo(("Birth", "Open")));
    }
}
