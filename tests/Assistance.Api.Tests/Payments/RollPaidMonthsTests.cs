namespace Assistance.Api.Tests.Payments;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>
/// R-33 overpayments read the paid months from the rolls (IPaidMonths): a family of three enrolled in March 2026; the
/// May roll's line was returned Paid, the June line Failed, and no July roll exists yet. A member died on 2026-04-20,
/// reported on 2026-07-05: May is overpaid (the bank paid it), June is not (the bank did not pay it), July is overpaid
/// by the fallback (no roll: the month counts as paid once it has begun).
/// </summary>
public sealed class RollPaidMonthsTests : PaymentRollTestBase
{
    [Test]
    public async Task Overpayment_CountsMonthsTheBankPaid_NotAFailedLine_AndDerivesMonthsWithoutARoll()
    {
        var three = await InsertHouseholdAsync("320682001", "Urban",
            new Member("孙父", "1975-03-04", Labor: "Partial"),
            new Member("孙母", "1977-05-06", Labor: "None", Relationship: "Spouse"),
            new Member("孙子", "2013-06-01", Labor: "None", Supporter: true, Relationship: "Child"));
        var family = await EnrolAsync(three, "Dibao", "2026-03-02");

        Today("2026-05-20");
        var may = Guid.Parse((string)(await GenerateCreatedAsync("2026-05", "Dibao"))["id"]!);
        var mayLine = (await LinesAsync(may)).Single(l => (string?)l["enrolmentId"] == family.Id.ToString() && (string?)l["kind"] == "DibaoHousehold");
        await BankReturnAsync(may, $"lineId,status,reference,reason\n{mayLine["id"]},Paid,BK-5,");
        Today("2026-06-20");
        var june = Guid.Parse((string)(await GenerateCreatedAsync("2026-06", "Dibao"))["id"]!);
        var juneLine = (await LinesAsync(june)).Single(l => (string?)l["enrolmentId"] == family.Id.ToString() && (string?)l["kind"] == "DibaoHousehold");
        await BankReturnAsync(june, $"lineId,status,reference,reason\n{juneLine["id"]},Failed,,账户冻结");

        Today("2026-07-05");
        var forTwo = await ReportDeathAsync(three.IdNumbers[1], "2026-04-20");

        var overpayment = (await (await Payments().GetAsync(new Uri($"/api/v1/overpayments?enrolmentId={family.Id}", UriKind.Relative))).JsonAsync())["items"]![0]!;
        var months = overpayment["months"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(months.Select(m => (string?)m!["month"]), Is.EqualTo(new[] { "2026-05", "2026-07" }), "June's line failed: not paid");
            Assert.That(months.Select(m => (decimal)m!["paid"]!), Is.All.EqualTo(family.MonthlyAmount));
            Assert.That((decimal)overpayment["amount"]!, Is.EqualTo((family.MonthlyAmount - forTwo) * 2));
        });
    }
}
