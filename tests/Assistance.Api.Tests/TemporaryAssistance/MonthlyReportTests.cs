namespace Assistance.Api.Tests.TemporaryAssistance;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>R-62: the monthly report counts what is in force from the enrolments and the temporary-assistance cases, rolled up the region tree.</summary>
public class MonthlyReportTests : TemporaryAssistanceTestBase
{
    [Test]
    public async Task MonthlyReport_CountsEnrolmentsInForceAndTemporaryAssistance_RolledUpToTheCounty_AsJsonAndCsv()
    {
        var county = County();
        var township = Township();
        Today("2026-10-09");
        var family = await PoorFamilyAsync();
        var (id, etag, _) = await SubmitAsync(township, family, "Dibao");
        etag = await ToNoticeAsync(township, id, etag);
        Today("2026-10-19");
        (_, etag) = await StepAsync(township, id, "public-notice/close", new { reason = "公示无异议" }, etag);
        Today("2026-10-20");
        var (decided, _) = await StepAsync(county, id, "decision", new { decision = "Approve", reasons = "人均收入低于低保标准" }, etag);
        var enrolment = await (await county.GetAsync($"/api/v1/enrolments/{(string)decided["enrolmentIds"]![0]!}")).JsonAsync();
        var monthlyAmount = (decimal)enrolment["monthlyAmount"]!;
        Assert.That(monthlyAmount, Is.GreaterThan(0m));

        Today("2026-11-10");
        await TopUpAsync(CountyOfficer(), Street, 5000.00m);
        var (opened, openedEtag) = await OpenAsync(TownshipClerk(), 1500.00m, type: "Emergency", occurredOn: "2026-11-09");
        await CaseStepAsync(TownshipClerk(), opened, openedEtag, "payment", new { });
        await OpenAsync(CountyOfficer(), 800.00m, township: Town, occurredOn: "2026-11-09");

        // October: approved in October, paying from November — new, not yet in force.
        var october = await ReportAsync("2026-10");
        var octDibao = Programme(october, "320682", "Dibao");
        Assert.Multiple(() =>
        {
            Assert.That((int?)octDibao["newEnrolments"], Is.EqualTo(1));
            Assert.That((int?)octDibao["households"], Is.EqualTo(0));
            Assert.That((int?)Region(october, "320682")["temporaryAssistance"]!["casesOpened"], Is.EqualTo(0));
        });

        var november = await ReportAsync("2026-11");
        var regions = november["regions"]!.AsArray().Select(r => (string?)r!["regionCode"]).ToList();
        Assert.That(regions, Is.EqualTo(new[] { "320682", "320682001", "320682100" }), "the county first, then the townships with data");
        var dibao = Programme(november, "320682", "Dibao");
        var streetDibao = Programme(november, "320682001", "Dibao");
        var countyTa = Region(november, "320682")["temporaryAssistance"]!;
        var streetTa = Region(november, "320682001")["temporaryAssistance"]!;
        Assert.Multiple(() =>
        {
            Assert.That((int?)dibao["households"], Is.EqualTo(1));
            Assert.That((int?)dibao["persons"], Is.EqualTo(2));
            Assert.That((decimal?)dibao["monthlyAmountsInForce"], Is.EqualTo(monthlyAmount));
            Assert.That((int?)dibao["newEnrolments"], Is.EqualTo(0));
            Assert.That((decimal?)dibao["amountsPaid"], Is.EqualTo(0m), "no roll generated for November");
            Assert.That((decimal?)streetDibao["monthlyAmountsInForce"], Is.EqualTo(monthlyAmount));
            Assert.That((int?)Programme(november, "320682100", "Dibao")["households"], Is.EqualTo(0));
            Assert.That((int?)countyTa["casesOpened"], Is.EqualTo(2));
            Assert.That((int?)countyTa["casesPaid"], Is.EqualTo(1));
            Assert.That((decimal?)countyTa["amountPaid"], Is.EqualTo(1500.00m));
            Assert.That((int?)countyTa["firstAidPayments"], Is.EqualTo(1));
            Assert.That((int?)streetTa["casesOpened"], Is.EqualTo(1));
            Assert.That((int?)Region(november, "320682100")["temporaryAssistance"]!["casesPaid"], Is.EqualTo(0));
            Assert.That(november["notYetWired"], Is.Null, "every figure is wired");
        });

        var csvResponse = await CountyOfficer().GetAsync("/api/v1/reports/monthly.csv?regionCode=320682&month=2026-11");
        var csv = await csvResponse.Content.ReadAsStringAsync();
        Assert.That(csvResponse.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"), csv);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("regionCode,parentCode,programme,households,persons,monthlyAmountsInForce"));
            Assert.That(lines, Has.Length.EqualTo(1 + (3 * 5)), "per region four programmes and one temporary-assistance row");
            Assert.That(lines, Does.Contain($"320682,320600,Dibao,1,2,{monthlyAmount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)},0,0,,,,,0.00,0,0,0.00,0.00,0"));
            Assert.That(lines, Does.Contain("320682,320600,TemporaryAssistance,,,,,,2,1,1500.00,1,,,,,,"));
        });
    }

    [Test]
    public async Task MonthlyReport_BadMonthIs400_AndAForeignRegionIs404()
    {
        var bad = await TownshipClerk().GetAsync("/api/v1/reports/monthly?month=2026-13");
        await bad.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var foreign = await TownshipClerk().GetAsync("/api/v1/reports/monthly?month=2026-11&regionCode=320682100");
        await foreign.ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
    }

    private async Task<JsonNode> ReportAsync(string month)
    {
        var response = await CountyOfficer().GetAsync($"/api/v1/reports/monthly?regionCode=320682&month={month}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    private static JsonNode Region(JsonNode report, string code) =>
        report["regions"]!.AsArray().Single(r => (string?)r!["regionCode"] == code)!;

    private static JsonNode Programme(JsonNode report, string code, string programme) =>
        Region(report, code)["programmes"]!.AsArray().Single(p => (string?)p!["programme"] == programme)!;
}
