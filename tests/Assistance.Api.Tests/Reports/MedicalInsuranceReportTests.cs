namespace Assistance.Api.Tests.Reports;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Domain.Applications;
using Assistance.Domain.Households;
using static Assistance.Api.Tests.EarlyWarning.EarlyWarningCases;

/// <summary>R-37: who became or stopped being a beneficiary in a month, and the monthly feed job's counts.</summary>
public sealed class MedicalInsuranceReportTests : ApiTestBase
{
    [Test]
    public async Task TheMonthsStartsAndEnds_AreListedPerPerson_WithProgrammeAndDates()
    {
        // Approved in October: first paid month November (N-57 Art.21). Two persons covered.
        var started = Household("320682001", Programme.Dibao,
            [Person("320682", new(1960, 1, 1), capacity: LaborCapacity.None), Person("320682", new(1962, 1, 1), Relationship.Spouse, capacity: LaborCapacity.None)],
            approvedOn: new DateOnly(2026, 10, 20));
        var ending = Household("320682002", Programme.DibaoMarginal, [Person("320682", new(1970, 1, 1), employed: true, income: 900m)],
            approvedOn: new DateOnly(2025, 1, 10));
        var elsewhere = Household("320402", Programme.Dibao, [Person("320402", new(1961, 1, 1), capacity: LaborCapacity.None)], approvedOn: new DateOnly(2026, 10, 5));
        var earlier = Household("320682001", Programme.Dibao, [Person("320682", new(1963, 1, 1), capacity: LaborCapacity.None)], approvedOn: new DateOnly(2026, 9, 5));
        await WriteAsync(Factory, started, ending, elsewhere, earlier);

        // Ended today (the test clock: 2026-11-02).
        var end = await Factory.ClientWith("000000", "cases.approve")
            .PostJsonAsync($"/api/v1/enrolments/{ending.Enrolment.Id}/status", new { action = "End", reason = "Income above the line." }, ifMatch: "\"1\"");
        Assert.That(end.StatusCode, Is.EqualTo(HttpStatusCode.OK), await end.Content.ReadAsStringAsync());

        var response = await Factory.ClientWith("320682", "reports.read", "pii.read")
            .GetAsync(new Uri("/api/v1/reports/medical-insurance-changes?regionCode=320682&month=2026-11&limit=200", UriKind.Relative));
        var report = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), report.ToJsonString());
        var items = report["items"]!.AsArray().Select(i => i!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That((long?)report["started"], Is.EqualTo(2));
            Assert.That((long?)report["ended"], Is.EqualTo(1));
            Assert.That(items.Where(i => (string?)i["change"] == "Started").Select(i => (string?)i["idNumber"]),
                Is.EquivalentTo(started.Members.Select(m => m.IdNumber)));
            Assert.That(items.Where(i => (string?)i["change"] == "Started").Select(i => (string?)i["effectiveOn"]), Is.All.EqualTo("2026-11-01"));
            var ended = items.Single(i => (string?)i["change"] == "Ended");
            Assert.That((string?)ended["idNumber"], Is.EqualTo(ending.Members[0].IdNumber));
            Assert.That((string?)ended["programme"], Is.EqualTo("DibaoMarginal"));
            Assert.That((string?)ended["effectiveOn"], Is.EqualTo("2026-11-02"));
            Assert.That((string?)ended["startMonth"], Is.EqualTo("2025-02-01"));
            Assert.That(items.Select(i => (string?)i["enrolmentId"]), Has.None.EqualTo(elsewhere.Enrolment.Id.ToString()), "another county");
            Assert.That(items.Select(i => (string?)i["enrolmentId"]), Has.None.EqualTo(earlier.Enrolment.Id.ToString()), "started in October");
        });

        // Without pii.read the numbers are masked; pages follow the cursor and the totals cover the month.
        var client = Factory.ClientWith("320682", "reports.read");
        var page1 = await (await client.GetAsync(new Uri("/api/v1/reports/medical-insurance-changes?month=2026-11&limit=2", UriKind.Relative))).JsonAsync();
        var cursor = (string)page1["nextCursor"]!;
        var page2 = await (await client.GetAsync(new Uri($"/api/v1/reports/medical-insurance-changes?month=2026-11&limit=2&cursor={Uri.EscapeDataString(cursor)}", UriKind.Relative))).JsonAsync();
        var paged = page1["items"]!.AsArray().Concat(page2["items"]!.AsArray()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(paged, Has.Count.EqualTo(3));
            Assert.That(page2["nextCursor"], Is.Null);
            Assert.That(paged.Select(i => (string?)i!["idNumber"]), Is.All.Contains("********"));
            Assert.That((long?)page2["started"], Is.EqualTo(2));
        });

        await (await client.GetAsync(new Uri("/api/v1/reports/medical-insurance-changes?month=2026-13", UriKind.Relative))).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await client.GetAsync(new Uri("/api/v1/reports/medical-insurance-changes", UriKind.Relative))).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        // The monthly feed job records the month's national counts per programme.
        var run = await RunJobAsync(Factory, "medical-insurance-feed", "2026-11");
        Assert.Multiple(() =>
        {
            Assert.That((string?)run["outcome"], Is.EqualTo("Succeeded"));
            Assert.That((long?)run["counts"]!["started"], Is.EqualTo(3), "national: 320682's two and 320402's one");
            Assert.That((long?)run["counts"]!["ended"], Is.EqualTo(1));
            Assert.That((long?)run["counts"]!["Dibao.started"], Is.EqualTo(3));
            Assert.That((long?)run["counts"]!["DibaoMarginal.ended"], Is.EqualTo(1));
        });
        var october = await RunJobAsync(Factory, "medical-insurance-feed", "2026-10");
        Assert.That((long?)october["counts"]!["started"], Is.EqualTo(1), "only the enrolment approved in September pays from October");
    }
}
