namespace Assistance.Api.Tests.Payments;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>R-40: generated once per (county, month, programme); regeneration is explicit, audited and never pays twice.</summary>
public sealed class RollRegenerationTests : PaymentRollTestBase
{
    private Enrolled first = null!;
    private Enrolled second = null!;
    private Enrolled suspended = null!;

    [OneTimeSetUp]
    public async Task EnrolAsync()
    {
        first = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        second = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        suspended = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        await ChangeStatusAsync(suspended, "Suspend", "2026-04-01");
        Today("2026-06-02");
    }

    [Test]
    public async Task SecondRequest_ReturnsTheExistingRoll_AndTheSameKeyReplaysTheFirstAnswer()
    {
        var key = Guid.NewGuid().ToString();
        var created = await GenerateAsync("2026-07", "Dibao", key);
        var body = await created.JsonAsync();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        Assert.That(created.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/payment-rolls/{body["id"]}"));

        var replay = await GenerateAsync("2026-07", "Dibao", key);
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((string?)(await replay.JsonAsync())["id"], Is.EqualTo((string?)body["id"]));

        var again = await GenerateAsync("2026-07", "Dibao");
        var existing = await again.JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the roll exists: it is returned, never generated twice");
            Assert.That((string?)existing["id"], Is.EqualTo((string?)body["id"]));
            Assert.That((int?)existing["version"], Is.EqualTo(1));
            Assert.That(again.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/payment-rolls/{body["id"]}"));
        });
        Assert.That(await ScalarAsync("SELECT count(*) FROM payment_rolls WHERE month = '2026-07-01' AND programme = 'Dibao'"), Is.EqualTo(1));
    }

    [Test]
    public async Task MonthlyJob_GeneratesEachCountysRolls_AsTheSystem_AndKeepsARollThatExists()
    {
        var existing = await GenerateCreatedAsync("2026-09", "Dibao");
        var ops = Factory.ClientWith("000000", "ops.read", "ops.run");
        Today("2026-09-01");

        var run = await ops.PostJsonAsync("/api/v1/jobs/payment-rolls/runs", new { period = "2026-09-01" });
        var body = await run.JsonAsync();
        Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var dibaoRolls = await ScalarAsync("SELECT count(*) FROM payment_rolls WHERE month = '2026-09-01' AND programme = 'Dibao'");
        var keptRoll = await ScalarAsync("SELECT count(*) FROM payment_rolls WHERE month = '2026-09-01' AND id = $1", Guid.Parse((string)existing["id"]!));
        var programmes = await ScalarAsync("SELECT count(DISTINCT programme) FROM payment_rolls WHERE month = '2026-09-01' AND region_code = '320682'");
        Assert.Multiple(() =>
        {
            Assert.That(((string?)body["outcome"], (long?)body["counts"]!["counties"]), Is.EqualTo(("Succeeded", 1L)));
            Assert.That(dibaoRolls, Is.EqualTo(1), "the existing roll is kept, not generated again");
            Assert.That(keptRoll, Is.EqualTo(1));
            Assert.That(programmes, Is.GreaterThanOrEqualTo(2), "the job also generated the county's other programmes");
        });
    }

    [Test]
    public async Task Regeneration_SupersedesTheOldVersion_BothReadable_PaidLinesNeverPaidAgain_Audited()
    {
        var v1 = await GenerateCreatedAsync("2026-06", "Dibao");
        var v1Id = Guid.Parse((string)v1["id"]!);
        var v1Lines = await LinesAsync(v1Id);
        Assert.That(v1Lines.Select(l => (string?)l["enrolmentId"]), Is.EquivalentTo(new[] { first.Id.ToString(), second.Id.ToString() }));

        // The bank paid the first household's line; then the suspended household is resumed and the roll regenerated.
        var paidLine = v1Lines.Single(l => (string?)l["enrolmentId"] == first.Id.ToString());
        await BankReturnAsync(v1Id, $"lineId,status,reference,reason\n{paidLine["id"]},Paid,BK-1,");
        await ChangeStatusAsync(suspended, "Resume", "2026-06-10");
        var response = await Payments().PostJsonAsync($"/api/v1/payment-rolls/{v1Id}/regenerations", new { reason = "恢复发放后重新生成" }, Guid.NewGuid().ToString());
        var v2 = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), v2.ToJsonString());
        var v2Id = Guid.Parse((string)v2["id"]!);
        var v2Lines = await LinesAsync(v2Id);
        var old = await (await Payments().GetAsync(new Uri($"/api/v1/payment-rolls/{v1Id}", UriKind.Relative))).JsonAsync();
        var oldLines = await LinesAsync(v1Id);
        Assert.Multiple(() =>
        {
            Assert.That((int?)v2["version"], Is.EqualTo(2));
            Assert.That((string?)v2["supersedes"], Is.EqualTo(v1Id.ToString()));
            Assert.That((string?)v2["reason"], Is.EqualTo("恢复发放后重新生成"));
            Assert.That(v2Lines.Select(l => (string?)l["enrolmentId"]), Is.EquivalentTo(new[] { second.Id.ToString(), suspended.Id.ToString() }),
                "the paid line stays in version 1 and is not paid again");
            Assert.That((decimal)v2["totalAmount"]!, Is.EqualTo(second.MonthlyAmount + suspended.MonthlyAmount));
            Assert.That((string?)old["status"], Is.EqualTo("Superseded"));
            Assert.That((string?)old["supersededBy"], Is.EqualTo(v2Id.ToString()));
            Assert.That((decimal)old["totalAmount"]!, Is.EqualTo((decimal)v1["totalAmount"]!), "the old version and its totals are unchanged");
            Assert.That((string?)oldLines.Single(l => (string?)l["id"] == (string?)paidLine["id"])["status"], Is.EqualTo("Paid"));
            Assert.That((bool?)oldLines.Single(l => (string?)l["id"] == (string?)paidLine["id"])["live"], Is.True);
            Assert.That((bool?)oldLines.Single(l => (string?)l["enrolmentId"] == second.Id.ToString())["live"], Is.False, "never to be paid");
        });

        // A new generation request now answers with version 2; version 1 cannot be regenerated again.
        var current = await GenerateAsync("2026-06", "Dibao");
        Assert.That((string?)(await current.JsonAsync())["id"], Is.EqualTo(v2Id.ToString()));
        var stale = await Payments().PostJsonAsync($"/api/v1/payment-rolls/{v1Id}/regenerations", new { reason = "again" }, Guid.NewGuid().ToString());
        await stale.ProblemAsync(HttpStatusCode.Conflict, "payment-roll.superseded");

        var audit = await (await Payments().GetAsync(new Uri($"/api/v1/audit-events?regionCode={CountyCode}&entityType=PaymentRoll&limit=200", UriKind.Relative))).JsonAsync();
        var actions = audit["items"]!.AsArray()
            .Where(e => (string?)e!["entityId"] == v1Id.ToString() || (string?)e!["entityId"] == v2Id.ToString())
            .Select(e => $"{((string?)e!["entityId"] == v1Id.ToString() ? "v1" : "v2")}:{e["action"]}").ToList();
        Assert.That(actions, Is.SupersetOf(new[] { "v1:Generated", "v1:BankReturnRecorded", "v1:Superseded", "v2:Regenerated" }));
        Assert.That(audit["items"]!.AsArray().Single(e => (string?)e!["action"] == "Regenerated" && (string?)e["entityId"] == v2Id.ToString())!["reason"]!.ToString(),
            Is.EqualTo("恢复发放后重新生成"));
    }
}
