namespace Assistance.Api.Tests.Payments;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>
/// Overpayments on the roll (R-33 through R-40) where the county sets payments.overpaymentHandling = Deduct: a realistic
/// July 2026 of county 320682 — households enrolled in March (paid from April), one in its gradual exit since April, the
/// June index (CPI 3.6 %) published in July, and a family of three whose member died on 2026-04-20, reported on 2026-07-05:
/// May, June and July were paid for three (one third too much each), an overpayment of three thirds. July deducts what
/// its line can carry, August the rest, September nothing; retries and regeneration never deduct twice.
/// </summary>
public sealed class RollOverpaymentTests : PaymentRollTestBase
{
    private Enrolled active = null!;
    private Enrolled gradualExit = null!;
    private Enrolled family = null!;
    private decimal forTwo;
    private decimal overpaid;
    private Guid indexId;

    [OneTimeSetUp]
    public async Task SetUpMonthAsync()
    {
        Today("2026-01-05");
        var parameter = await Payments().PostJsonAsync("/api/v1/policy/parameters", new
        {
            key = "payments.overpaymentHandling",
            regionCode = CountyCode,
            effectiveFrom = "2026-01-01",
            value = "Deduct",
            source = "如皋市民政局 多发资金从后续发放中扣回 (测试)",
        }, Guid.NewGuid().ToString());
        Assert.That(parameter.StatusCode, Is.EqualTo(HttpStatusCode.Created), await parameter.Content.ReadAsStringAsync());

        active = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        gradualExit = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        var three = await InsertHouseholdAsync("320682001", "Urban",
            new Member("钱父", "1975-03-04", Labor: "Partial"),
            new Member("钱母", "1977-05-06", Labor: "None", Relationship: "Spouse"),
            new Member("钱子", "2013-06-01", Labor: "None", Supporter: true, Relationship: "Child"));
        family = await EnrolAsync(three, "Dibao", "2026-03-02");
        await ChangeStatusAsync(gradualExit, "StartGradualExit", "2026-04-15");

        Today("2026-07-05");
        forTwo = await ReportDeathAsync(three.IdNumbers[1], "2026-04-20");
        var overpayment = await (await Payments().GetAsync(new Uri($"/api/v1/overpayments?enrolmentId={family.Id}", UriKind.Relative))).JsonAsync();
        overpaid = (decimal)overpayment["items"]![0]!["amount"]!;
        Assert.That(overpaid, Is.EqualTo((family.MonthlyAmount - forTwo) * 3), "May, June and July were paid for three");
        Assert.That(overpaid, Is.GreaterThan(forTwo), "the July line cannot carry it all");

        Today("2026-07-10");
        indexId = await RecordIndexAsync("2026-06", 3.6m, 5.0m, "2026-07-10");
        Today("2026-07-20");
    }

    [Test]
    public async Task RollTotals_EqualTheSumOfEnrolmentAmounts_ForAMonthWithSubsidiesAGradualExitAndAnOverpayment_DeductedOnceAcrossRetriesRegenerationAndMonths()
    {
        var july = await GenerateCreatedAsync("2026-07", "Dibao");
        var julyId = Guid.Parse((string)july["id"]!);
        var lines = await LinesAsync(julyId);
        var perPerson = Math.Ceiling(await ParameterAsync("dibao.standard.urban", "2026-06-01") * 3.6m / 100m);
        var monthly = lines.Where(l => (string?)l["kind"] == "DibaoHousehold").ToList();
        var subsidy = lines.Where(l => (string?)l["kind"] == "PriceSubsidy").ToList();
        var familyLine = monthly.Single(l => (string?)l["enrolmentId"] == family.Id.ToString());
        var expectedGross = active.MonthlyAmount + gradualExit.MonthlyAmount + forTwo + ((active.Persons + gradualExit.Persons + 2) * perPerson);
        Assert.Multiple(() =>
        {
            Assert.That(monthly.Select(l => Guid.Parse((string)l["enrolmentId"]!)), Is.EquivalentTo(new[] { active.Id, gradualExit.Id, family.Id }));
            Assert.That(Sum(monthly), Is.EqualTo(active.MonthlyAmount + gradualExit.MonthlyAmount + forTwo), "the gradual exit pays its unchanged amount, the family its amount for two");
            Assert.That(subsidy.Single(l => (string?)l["enrolmentId"] == family.Id.ToString())["persons"]!.GetValue<int>(), Is.EqualTo(2), "the dead member is not covered");
            Assert.That(subsidy.All(l => (string?)l["priceIndexId"] == indexId.ToString() && (string?)l["period"] == "2026-06"), Is.True);
            Assert.That((decimal)familyLine["amount"]!, Is.EqualTo(forTwo));
            Assert.That((decimal?)familyLine["deduction"], Is.EqualTo(forTwo), "the line carries as much of the overpayment as it pays");
            Assert.That(lines.Where(l => l != familyLine).Select(l => l["deduction"]), Is.All.Null, "nothing else is deducted, never a subsidy");
            Assert.That((decimal)july["totalAmount"]!, Is.EqualTo(expectedGross));
            Assert.That((decimal)july["totalAmount"]!, Is.EqualTo(Sum(lines)));
            Assert.That((decimal)july["totalDeduction"]!, Is.EqualTo(forTwo));
            Assert.That((decimal)july["netAmount"]!, Is.EqualTo(expectedGross - forTwo));
            var household = july["totals"]!.AsArray().Single(t => (string?)t!["kind"] == "DibaoHousehold")!;
            Assert.That(((decimal)household["amount"]!, (decimal)household["deduction"]!, (decimal)household["netAmount"]!),
                Is.EqualTo((Sum(monthly), forTwo, Sum(monthly) - forTwo)));
            Assert.That((decimal)july["totals"]!.AsArray().Single(t => (string?)t!["kind"] == "PriceSubsidy")!["deduction"]!, Is.Zero);
        });

        // The bank file shows what is deducted and what is paid out.
        var csv = await (await Payments().GetAsync(new Uri($"/api/v1/payment-rolls/{julyId}/export.csv", UriKind.Relative))).Content.ReadAsStringAsync();
        var row = csv.Split('\n').Single(r => r.StartsWith((string)familyLine["id"]!, StringComparison.Ordinal)).Split(',');
        Assert.That((row[^2], row[^1]), Is.EqualTo((forTwo.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), "0.00")));

        // A retried request returns the same roll: nothing deducted again.
        var again = await GenerateAsync("2026-07", "Dibao");
        var retried = await again.JsonAsync();
        Assert.That(((string?)retried["id"], (decimal)retried["totalDeduction"]!), Is.EqualTo(((string?)julyId.ToString(), forTwo)));

        // Regeneration releases version 1's pending deduction and applies it again, once.
        var regenerated = await Payments().PostJsonAsync($"/api/v1/payment-rolls/{julyId}/regenerations", new { reason = "核对后重新生成" }, Guid.NewGuid().ToString());
        var v2 = await regenerated.JsonAsync();
        Assert.That(regenerated.StatusCode, Is.EqualTo(HttpStatusCode.Created), v2.ToJsonString());
        var v2Id = Guid.Parse((string)v2["id"]!);
        var v2Family = (await LinesAsync(v2Id)).Single(l => (string?)l["kind"] == "DibaoHousehold" && (string?)l["enrolmentId"] == family.Id.ToString());
        var standing = await StandingDeductionsAsync();
        Assert.Multiple(() =>
        {
            Assert.That((decimal?)v2Family["deduction"], Is.EqualTo(forTwo));
            Assert.That((decimal)v2["totalDeduction"]!, Is.EqualTo(forTwo));
            Assert.That(standing, Is.EqualTo(forTwo), "version 1's deduction no longer counts");
        });

        // July paid; August deducts only the rest, and its regeneration deducts it once more, not twice.
        await BankReturnAsync(v2Id, $"lineId,status,reference,reason\n{v2Family["id"]},Paid,BK-7,");
        Today("2026-08-20");
        var august = await GenerateCreatedAsync("2026-08", "Dibao");
        var rest = overpaid - forTwo;
        Assert.That((decimal)august["totalDeduction"]!, Is.EqualTo(Math.Min(rest, forTwo)));
        var august2 = await (await Payments().PostJsonAsync($"/api/v1/payment-rolls/{(string)august["id"]!}/regenerations", new { reason = "再次核对" }, Guid.NewGuid().ToString())).JsonAsync();
        standing = await StandingDeductionsAsync();
        Assert.Multiple(() =>
        {
            Assert.That((decimal)august2["totalDeduction"]!, Is.EqualTo(Math.Min(rest, forTwo)));
            Assert.That((decimal)august2["netAmount"]!, Is.EqualTo((decimal)august2["totalAmount"]! - Math.Min(rest, forTwo)));
            Assert.That(standing, Is.EqualTo(forTwo + Math.Min(rest, forTwo)));
        });

        // September deducts what is left, if anything; never more than the overpayment in all.
        Today("2026-09-20");
        var september = await GenerateCreatedAsync("2026-09", "Dibao");
        var left = Math.Max(0m, rest - forTwo);
        Assert.That((decimal)september["totalDeduction"]!, Is.EqualTo(Math.Min(left, forTwo)));
        var standingAtTheEnd = await StandingDeductionsAsync();
        Assert.That(standingAtTheEnd, Is.EqualTo(overpaid <= 3 * forTwo ? overpaid : 3 * forTwo));

        // The caseworker sees on the overpayment what the rolls deduct and what is still to recover.
        var listed = (await (await Payments().GetAsync(new Uri($"/api/v1/overpayments?enrolmentId={family.Id}", UriKind.Relative))).JsonAsync())["items"]![0]!;
        var one = await (await Payments().GetAsync(new Uri($"/api/v1/overpayments/{(string)listed["id"]!}", UriKind.Relative))).JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(((decimal)listed["deductedOnRolls"]!, (decimal)listed["outstanding"]!), Is.EqualTo((standingAtTheEnd, overpaid - standingAtTheEnd)));
            Assert.That(((decimal)one["deductedOnRolls"]!, (decimal)one["outstanding"]!), Is.EqualTo((standingAtTheEnd, overpaid - standingAtTheEnd)));
            Assert.That((string?)one["status"], Is.EqualTo("Open"), "resolving it stays a caseworker's act");
        });
    }

    [Test]
    public async Task WithoutDeduct_TheNationalDefaultRecover_LeavesTheRollUntouched()
    {
        var response = await Payments().GetAsync(new Uri("/api/v1/policy/parameters?regionCode=320682&on=2025-12-01", UriKind.Relative));
        var body = await response.JsonAsync();
        var handling = body["parameters"]!.AsArray().First(p => (string?)p!["key"] == "payments.overpaymentHandling")!;
        Assert.That(((string?)handling["value"], (string?)handling["regionCode"]), Is.EqualTo(("Recover", "000000")));
    }

    /// <summary>Deductions of the family's overpayment on lines that still count (live, not Failed), read from the database.</summary>
    private async Task<decimal> StandingDeductionsAsync() => await ScalarAsync(
        """
        SELECT (coalesce(sum(d.amount), 0) * 100)::bigint FROM overpayment_deductions d JOIN payment_roll_lines l ON l.id = d.line_id
        WHERE l.enrolment_id = $1 AND l.live AND l.status <> 'Failed'
        """, family.Id) / 100m;
}
