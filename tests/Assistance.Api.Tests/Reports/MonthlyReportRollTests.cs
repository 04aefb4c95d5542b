namespace Assistance.Api.Tests.Reports;

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Api.Tests.Payments;

/// <summary>
/// R-62 wired to R-40/R-41/R-30: the monthly report's roll figures equal the roll's control totals and the lines the
/// bank returned Paid, its review figures count due dates answered on time or late, at the county and above it, and the
/// CSV carries the same numbers.
/// </summary>
public sealed class MonthlyReportRollTests : PaymentRollTestBase
{
    private Enrolled first = null!;
    private Enrolled second = null!;

    [OneTimeSetUp]
    public async Task EnrolAsync()
    {
        // Enrolled in March, paid from April (N-57 Art.21); unstable households, reviewed every 6 months: due 2026-10-01.
        first = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        second = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        Today("2026-04-08");
        await RecordIndexAsync("2026-03", 3.6m, 5.0m, "2026-04-08");
    }

    [Test]
    public async Task MonthlyReport_MatchesTheRolls_AtTheCountyAndItsCityAndProvince_AsJsonAndCsv()
    {
        Today("2026-04-20");
        var roll = await RollAsync("2026-04", "Dibao");
        var rollId = Guid.Parse((string)roll["id"]!);
        var lines = await LinesAsync(rollId);
        var subsidy = lines.Where(l => (string?)l["kind"] == "PriceSubsidy").ToList();
        Assert.That(subsidy, Has.Count.EqualTo(2), "the March index (CPI 3.6) published in April pays a subsidy in the April roll");
        var firstMonthly = lines.Single(l => (string?)l["kind"] == "DibaoHousehold" && (string?)l["enrolmentId"] == first.Id.ToString());
        var secondMonthly = lines.Single(l => (string?)l["kind"] == "DibaoHousehold" && (string?)l["enrolmentId"] == second.Id.ToString());

        // The bank pays the first household's amount and both subsidies, and fails the second household's amount.
        var file = $"lineId,status,reference,reason\n{firstMonthly["id"]},Paid,BK-1,\n{secondMonthly["id"]},Failed,,账户冻结\n"
                   + string.Concat(subsidy.Select((l, i) => $"{l["id"]},Paid,BK-S{i},\n"));
        await BankReturnAsync(rollId, file);
        var paidExpected = Net(firstMonthly) + subsidy.Sum(Net);
        var subsidyTotal = roll["totals"]!.AsArray().Single(t => (string?)t!["kind"] == "PriceSubsidy")!;

        var admin = Admin();
        foreach (var (region, parent) in new[] { ("320682", "320600"), ("320600", "320000"), ("320000", "000000") })
        {
            var report = await ReportAsync(admin, region, "2026-04");
            var dibao = Programme(report, region, "Dibao");
            Assert.Multiple(() =>
            {
                Assert.That((string?)report["regions"]![0]!["regionCode"], Is.EqualTo(region));
                Assert.That((string?)report["regions"]![0]!["parentCode"], Is.EqualTo(parent));
                Assert.That((decimal?)dibao["rollNetAmount"], Is.EqualTo((decimal)roll["netAmount"]!), $"{region}: the roll's control total");
                Assert.That((decimal?)dibao["rollNetAmount"], Is.EqualTo(lines.Sum(Net)), $"{region}: the lines' sum");
                Assert.That((decimal?)dibao["amountsPaid"], Is.EqualTo(paidExpected), $"{region}: the Paid lines only");
                Assert.That((decimal?)dibao["amountsPaid"], Is.LessThan((decimal)roll["netAmount"]!), "the failed line is not paid");
                Assert.That((int?)dibao["priceSubsidyLines"], Is.EqualTo((int?)subsidyTotal["lineCount"]));
                Assert.That((decimal?)dibao["priceSubsidies"], Is.EqualTo((decimal?)subsidyTotal["amount"]));
                Assert.That((decimal?)dibao["priceSubsidies"], Is.EqualTo(Sum(subsidy)));
                Assert.That((decimal?)Programme(report, region, "Tekun")["amountsPaid"], Is.EqualTo(0m));
                Assert.That(report["notYetWired"], Is.Null);
            });

            var csv = await (await admin.GetAsync(new Uri($"/api/v1/reports/monthly.csv?regionCode={region}&month=2026-04", UriKind.Relative))).Content.ReadAsStringAsync();
            var header = csv.Split('\n')[0].Split(',');
            var row = csv.Split('\n').Single(l => l.StartsWith($"{region},{parent},Dibao,", StringComparison.Ordinal)).Split(',');
            string Cell(string column) => row[Array.IndexOf(header, column)];
            Assert.Multiple(() =>
            {
                Assert.That(Cell("rollNetAmount"), Is.EqualTo(Yuan((decimal)dibao["rollNetAmount"]!)));
                Assert.That(Cell("amountsPaid"), Is.EqualTo(Yuan(paidExpected)));
                Assert.That(Cell("priceSubsidyLines"), Is.EqualTo("2"));
                Assert.That(Cell("priceSubsidies"), Is.EqualTo(Yuan(Sum(subsidy))));
            });
        }

        // A regeneration supersedes the roll: the paid lines stay in version 1 and still count once; the new version's
        // net replaces the old one's.
        var regenerated = await Payments().PostJsonAsync($"/api/v1/payment-rolls/{rollId}/regenerations", new { reason = "核对" }, Guid.NewGuid().ToString());
        var v2 = await regenerated.JsonAsync();
        Assert.That(regenerated.StatusCode, Is.EqualTo(HttpStatusCode.Created), v2.ToJsonString());
        var after = Programme(await ReportAsync(admin, "320682", "2026-04"), "320682", "Dibao");
        Assert.Multiple(() =>
        {
            Assert.That((decimal?)after["amountsPaid"], Is.EqualTo(paidExpected));
            Assert.That((decimal?)after["rollNetAmount"], Is.EqualTo((decimal)v2["netAmount"]!));
        });
    }

    [Test]
    public async Task MonthlyReport_CountsReviewsDueInTheMonth_AndThoseDoneOnTime()
    {
        var county = County();
        Assert.That((string?)first.Body["nextReviewOn"], Is.EqualTo("2026-10-01"));
        Assert.That((string?)second.Body["nextReviewOn"], Is.EqualTo("2026-10-01"));

        var before = await ReportAsync(Admin(), "320682", "2026-10");
        Assert.Multiple(() =>
        {
            Assert.That((int?)Programme(before, "320682", "Dibao")["reviewsDue"], Is.EqualTo(2), "outstanding due dates count as due");
            Assert.That((int?)Programme(before, "320682", "Dibao")["reviewsDoneOnTime"], Is.EqualTo(0));
        });

        // One on its due date (on time), one eleven days late.
        Today("2026-10-01");
        await CreatedAsync(await ReviewAsync(county, first.Id, "2026-10-01", await HouseholdVersionAsync(first.HouseholdId)));
        Today("2026-10-12");
        await CreatedAsync(await ReviewAsync(county, second.Id, "2026-10-12", await HouseholdVersionAsync(second.HouseholdId)));

        foreach (var region in new[] { "320682", "320600", "320000" })
        {
            var report = await ReportAsync(Admin(), region, "2026-10");
            var dibao = Programme(report, region, "Dibao");
            Assert.Multiple(() =>
            {
                Assert.That((int?)dibao["reviewsDue"], Is.EqualTo(2), region);
                Assert.That((int?)dibao["reviewsDoneOnTime"], Is.EqualTo(1), region);
                Assert.That((int?)Programme(report, region, "Tekun")["reviewsDue"], Is.EqualTo(0));
            });
            var csv = await (await Admin().GetAsync(new Uri($"/api/v1/reports/monthly.csv?regionCode={region}&month=2026-10", UriKind.Relative))).Content.ReadAsStringAsync();
            var header = csv.Split('\n')[0].Split(',');
            var row = csv.Split('\n').Single(l => l.StartsWith($"{region},", StringComparison.Ordinal) && l.Contains(",Dibao,", StringComparison.Ordinal)).Split(',');
            Assert.That((row[Array.IndexOf(header, "reviewsDue")], row[Array.IndexOf(header, "reviewsDoneOnTime")]), Is.EqualTo(("2", "1")));
        }

        // The next due dates (six months after each review) fall in April and fall outside October.
        var april = Programme(await ReportAsync(Admin(), "320682", "2027-04"), "320682", "Dibao");
        Assert.That(((int?)april["reviewsDue"], (int?)april["reviewsDoneOnTime"]), Is.EqualTo((2, 0)));
    }

    private static decimal Net(JsonNode line) => (decimal)line["amount"]! - ((decimal?)line["deduction"] ?? 0m);

    private static string Yuan(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private async Task<long> HouseholdVersionAsync(Guid householdId)
    {
        var get = await Admin().GetAsync(new Uri($"/api/v1/households/{householdId}", UriKind.Relative));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return long.Parse(get.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> ReviewAsync(HttpClient client, Guid enrolmentId, string reviewedOn, long householdVersion)
    {
        var etag = (await client.GetAsync(new Uri($"/api/v1/enrolments/{enrolmentId}", UriKind.Relative))).Headers.ETag!.ToString();
        return await client.PostJsonAsync($"/api/v1/enrolments/{enrolmentId}/reviews",
            new { reviewedOn, householdVersion, incomeRiseFromEmployment = false, note = "入户核查" }, Guid.NewGuid().ToString(), etag);
    }

    private static async Task CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
    }

    private static async Task<JsonNode> ReportAsync(HttpClient client, string region, string month)
    {
        var response = await client.GetAsync(new Uri($"/api/v1/reports/monthly?regionCode={region}&month={month}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    private static JsonNode Programme(JsonNode report, string code, string programme) =>
        report["regions"]!.AsArray().Single(r => (string?)r!["regionCode"] == code)!["programmes"]!.AsArray().Single(p => (string?)p!["programme"] == programme)!;
}
