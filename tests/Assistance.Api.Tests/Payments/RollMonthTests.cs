namespace Assistance.Api.Tests.Payments;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>
/// A realistic month (R-40, R-41): enrolled in March 2026 (paid from April, N-57 Art.21); in April one household enters
/// its gradual exit, one is suspended, one ends; another ends in May; the April index (CPI 3.6 %) is published in May.
/// The May rolls pay exactly the enrolments in force, plus the subsidy, and their control totals equal the sums.
/// </summary>
public sealed class RollMonthTests : PaymentRollTestBase
{
    private Enrolled active = null!;
    private Enrolled gradualExit = null!;
    private Enrolled suspended = null!;
    private Enrolled endedInApril = null!;
    private Enrolled endedInMay = null!;
    private Enrolled tekun = null!;
    private Guid indexId;

    [OneTimeSetUp]
    public async Task EnrolAsync()
    {
        active = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        gradualExit = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        suspended = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        endedInApril = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        endedInMay = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        tekun = await EnrolAsync(await LoneElderAsync(), "Tekun", "2026-03-02");
        await ChangeStatusAsync(gradualExit, "StartGradualExit", "2026-04-15");
        await ChangeStatusAsync(suspended, "Suspend", "2026-04-15");
        await ChangeStatusAsync(endedInApril, "End", "2026-04-20");
        await ChangeStatusAsync(endedInMay, "End", "2026-05-06");
        Today("2026-05-12");
        indexId = await RecordIndexAsync("2026-04", 3.6m, 5.0m, "2026-05-12");
        Today("2026-05-25");
    }

    [Test]
    public async Task DibaoRollForMay_PaysTheEnrolmentsInForceAndTheSubsidy_TotalsEqualTheSums()
    {
        var roll = await RollAsync("2026-05", "Dibao");
        var lines = await LinesAsync(Guid.Parse((string)roll["id"]!));
        var perPerson = Math.Ceiling(await ParameterAsync("dibao.standard.urban", "2026-04-01") * 3.6m / 100m);
        var paid = new[] { active, gradualExit, endedInMay };

        var monthly = lines.Where(l => (string?)l["kind"] == "DibaoHousehold").ToList();
        var subsidy = lines.Where(l => (string?)l["kind"] == "PriceSubsidy").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(monthly.Select(l => Guid.Parse((string)l["enrolmentId"]!)), Is.EquivalentTo(paid.Select(e => e.Id)), "suspended and ended-in-April pay nothing");
            Assert.That(monthly.All(l => (string?)l["period"] == "2026-05"), Is.True);
            Assert.That(monthly.Sum(l => (decimal)l["amount"]!), Is.EqualTo(paid.Sum(e => e.MonthlyAmount)), "gradual exit pays the unchanged amount");
            Assert.That(subsidy.Select(l => Guid.Parse((string)l["enrolmentId"]!)), Is.EquivalentTo(paid.Select(e => e.Id)));
            Assert.That(subsidy.All(l => (string?)l["period"] == "2026-04" && (string?)l["priceIndexId"] == indexId.ToString()), Is.True);
            foreach (var e in paid)
            {
                var line = subsidy.Single(l => (string?)l["enrolmentId"] == e.Id.ToString());
                Assert.That((int?)line["persons"], Is.EqualTo(e.Persons));
                Assert.That((decimal)line["amount"]!, Is.EqualTo(e.Persons * perPerson));
            }

            Assert.That(lines, Has.Count.EqualTo(6));
            Assert.That((int?)roll["lineCount"], Is.EqualTo(lines.Count));
            Assert.That((decimal)roll["totalAmount"]!, Is.EqualTo(paid.Sum(e => e.MonthlyAmount + (e.Persons * perPerson))));
            Assert.That((decimal)roll["totalAmount"]!, Is.EqualTo(Sum(lines)));
            var totals = roll["totals"]!.AsArray();
            Assert.That((decimal)totals.Single(t => (string?)t!["kind"] == "DibaoHousehold")!["amount"]!, Is.EqualTo(Sum(monthly)));
            Assert.That((decimal)totals.Single(t => (string?)t!["kind"] == "PriceSubsidy")!["amount"]!, Is.EqualTo(Sum(subsidy)));
            Assert.That((int?)totals.Single(t => (string?)t!["kind"] == "PriceSubsidy")!["lineCount"], Is.EqualTo(3));
            Assert.That((string?)roll["priceIndexId"], Is.EqualTo(indexId.ToString()));
        });
    }

    [Test]
    public async Task TekunRollForMay_ShowsBasicAndCareApartAndTheSubsidy_FromTheStoredBasis()
    {
        var roll = await RollAsync("2026-05", "Tekun");
        var rollId = Guid.Parse((string)roll["id"]!);
        var lines = await LinesAsync(rollId);
        var member = tekun.Body["basis"]!["members"]!.AsArray().First(m => (string?)m!["outcome"] == "Tekun")!;
        var perPerson = Math.Ceiling(await ParameterAsync("dibao.standard.rural", "2026-04-01") * 3.6m / 100m);

        var basic = lines.Single(l => (string?)l["kind"] == "TekunBasic");
        var care = lines.Single(l => (string?)l["kind"] == "TekunCare");
        var subsidy = lines.Single(l => (string?)l["kind"] == "PriceSubsidy");
        Assert.Multiple(() =>
        {
            Assert.That((decimal)basic["amount"]!, Is.EqualTo((decimal)member["tekunBasic"]!));
            Assert.That((decimal)care["amount"]!, Is.EqualTo(tekun.MonthlyAmount - (decimal)member["tekunBasic"]!));
            Assert.That((decimal)care["amount"]!, Is.GreaterThan(0m));
            Assert.That((decimal)subsidy["amount"]!, Is.EqualTo(perPerson), "one person, the rural standard (the elder lives in a rural household)");
            Assert.That((decimal)roll["totalAmount"]!, Is.EqualTo(tekun.MonthlyAmount + perPerson));
            Assert.That((string?)basic["personMemberId"], Is.Not.Null);
        });

        // The basis: the approval and its trace for a monthly line, the R-41 decision for the subsidy line.
        var basis = await (await Payments().GetAsync(new Uri($"/api/v1/payment-rolls/{rollId}/lines/{basic["id"]}/basis", UriKind.Relative))).JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That((string?)basis["rule"], Is.EqualTo("R-40"));
            Assert.That((string?)basis["decision"], Is.EqualTo("Approval"));
            Assert.That((string?)basis["applicationId"], Is.EqualTo((string?)tekun.Body["applicationId"]));
            Assert.That(basis["enrolmentBasis"]!["trace"]!.AsArray(), Is.Not.Empty);
            Assert.That((string?)basis["explanation"], Does.Contain("R-12"));
        });
        var subsidyBasis = await (await Payments().GetAsync(new Uri($"/api/v1/payment-rolls/{rollId}/lines/{subsidy["id"]}/basis", UriKind.Relative))).JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That((string?)subsidyBasis["rule"], Is.EqualTo("R-41"));
            Assert.That((string?)subsidyBasis["subsidyTrace"]!["appliedIndex"], Is.EqualTo("Cpi"));
            Assert.That((decimal?)subsidyBasis["subsidyTrace"]!["ruralPerPerson"], Is.EqualTo(perPerson));
            Assert.That(subsidyBasis["subsidyTrace"]!["parameters"]!.AsArray().Select(p => (string?)p!["key"]),
                Is.SupersetOf(new[] { "priceSubsidy.cpiTriggerPercent", "priceSubsidy.foodCpiTriggerPercent", "dibao.standard.rural" }));
        });
    }

    [Test]
    public async Task SubsidyReport_IsLateUntilEveryLineIsPaid_ThenOnTimeWhenPaidWithinThePublicationMonth()
    {
        var dibao = await GenerateAsync("2026-05", "Dibao");
        var dibaoRoll = await dibao.JsonAsync();
        var rollId = Guid.Parse((string)dibaoRoll["id"]!);
        var report = await (await Payments().GetAsync(new Uri($"/api/v1/price-subsidies/report?regionCode={CountyCode}&month=2026-05", UriKind.Relative))).JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That((bool?)report["triggered"], Is.True, report.ToJsonString());
            Assert.That((string?)report["deadline"], Is.EqualTo("2026-05-31"));
            Assert.That((int?)report["paidByDeadline"], Is.Zero);
            Assert.That((bool?)report["onTime"], Is.False);
        });

        // Every subsidy line of every current roll of the county paid on 2026-05-28.
        Today("2026-05-28");
        foreach (var programme in new[] { "Dibao", "Tekun" })
        {
            var roll = await (await GenerateAsync("2026-05", programme)).JsonAsync();
            var id = Guid.Parse((string)roll["id"]!);
            var subsidy = await LinesAsync(id, "&kind=PriceSubsidy");
            await BankReturnAsync(id, "lineId,status,reference,reason\n" + string.Join("\n", subsidy.Select(l => $"{l["id"]},Paid,BANK-{l["id"]},")));
        }

        report = await (await Payments().GetAsync(new Uri($"/api/v1/price-subsidies/report?regionCode={CountyCode}&month=2026-05", UriKind.Relative))).JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int?)report["lines"], Is.EqualTo(4), "three dibao households and one tekun person");
            Assert.That((int?)report["paidByDeadline"], Is.EqualTo(4));
            Assert.That((decimal?)report["paidAmount"], Is.EqualTo((decimal?)report["amount"]));
            Assert.That((bool?)report["onTime"], Is.True);
        });
        Assert.That(rollId, Is.Not.EqualTo(Guid.Empty));
    }
}
