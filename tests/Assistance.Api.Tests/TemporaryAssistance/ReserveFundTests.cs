namespace Assistance.Api.Tests.TemporaryAssistance;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>R-45: the township's reserve fund pays the cases, never goes negative (also under concurrency), and pays a case once.</summary>
public class ReserveFundTests : TemporaryAssistanceTestBase
{
    [Test]
    public async Task ConcurrentPayments_PayExactlyWhatTheFundCovers_AndTheBalanceNeverGoesNegative()
    {
        Today("2026-11-02");
        const int cases = 20;
        const decimal amount = 1000.00m;
        await TopUpAsync(CountyOfficer(), Town, 4000.00m);
        await TopUpAsync(CountyOfficer(), Town, 3500.00m); // 7500.00: covers 7 payments of 1000.00, not 8
        var approved = new List<(JsonNode Body, string ETag)>();
        for (var i = 0; i < cases; i++)
        {
            var (opened, etag) = await OpenAsync(CountyOfficer(), amount, township: Town);
            approved.Add(await CaseStepAsync(CountyOfficer(), opened, etag, "approval", new { }));
        }

        var responses = await Task.WhenAll(approved.Select(async c =>
        {
            var client = TownshipClerk(Town);
            var response = await TryStepAsync(client, c.Body, c.ETag, "payment", new { reason = "发放" });
            return (Id: (string)c.Body["id"]!, response.StatusCode, Text: await response.Content.ReadAsStringAsync());
        }));

        var paid = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(paid, Has.Count.EqualTo(7), string.Join("\n", responses.Select(r => $"{r.StatusCode} {r.Text}")));
            Assert.That(refused.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Conflict));
            Assert.That(refused.Select(r => (string?)JsonNode.Parse(r.Text)!["code"]), Is.All.EqualTo("reserve-fund.insufficient-balance"));
        });

        var fund = await FundAsync(CountyOfficer(), Town);
        Assert.Multiple(() =>
        {
            Assert.That((decimal?)fund["balance"], Is.EqualTo(500.00m));
            Assert.That((decimal?)fund["toppedUpTotal"], Is.EqualTo(7500.00m));
            Assert.That((decimal?)fund["disbursedTotal"], Is.EqualTo(7000.00m));
        });

        var entries = (await (await CountyOfficer().GetAsync($"/api/v1/reserve-funds/{Town}/entries?limit=200")).JsonAsync())["items"]!.AsArray();
        var disbursements = entries.Where(e => (string?)e!["kind"] == "Disbursement").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(disbursements.Select(e => (string?)e!["caseId"]), Is.EquivalentTo(paid.Select(p => p.Id)));
            Assert.That(entries.Select(e => (decimal?)e!["balanceAfter"]), Is.All.GreaterThanOrEqualTo(0m));
            Assert.That((decimal?)entries[^1]!["balanceAfter"], Is.EqualTo(500.00m));
        });
        foreach (var r in refused)
        {
            var stillApproved = await (await CountyOfficer().GetAsync($"/api/v1/temporary-assistance/{r.Id}")).JsonAsync();
            Assert.That((string?)stillApproved["status"], Is.EqualTo("Approved"), "a refused payment changes nothing");
        }
    }

    [Test]
    public async Task PaymentRetriedWithTheSameIdempotencyKey_PaysOnce_AndAnotherAttemptIsRefused()
    {
        Today("2026-11-02");
        await TopUpAsync(CountyOfficer(), Street, 10000.00m);
        var (opened, etag) = await OpenAsync(TownshipClerk(), 1200.00m);
        var (approved, approvedEtag) = await CaseStepAsync(TownshipClerk(), opened, etag, "approval", new { });
        var before = await FundAsync(CountyOfficer(), Street);

        var key = Guid.NewGuid().ToString();
        var (first, _) = await CaseStepAsync(TownshipClerk(), approved, approvedEtag, "payment", new { reason = "发放" }, key);
        var (retry, _) = await CaseStepAsync(TownshipClerk(), approved, approvedEtag, "payment", new { reason = "发放" }, key);
        Assert.That(retry.ToJsonString(), Is.EqualTo(first.ToJsonString()), "the retry gets the first answer");

        var after = await FundAsync(CountyOfficer(), Street);
        Assert.That((decimal?)after["balance"], Is.EqualTo((decimal?)before["balance"] - 1200.00m), "debited once");
        var entries = (await (await CountyOfficer().GetAsync($"/api/v1/reserve-funds/{Street}/entries?limit=200")).JsonAsync())["items"]!.AsArray();
        Assert.That(entries.Count(e => (string?)e!["caseId"] == (string?)opened["id"]), Is.EqualTo(1));

        var stale = await TryStepAsync(TownshipClerk(), approved, approvedEtag, "payment", new { reason = "发放" });
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed, "temporary-assistance-case.version-mismatch");
        var anyVersion = await TryStepAsync(TownshipClerk(), approved, "*", "payment", new { reason = "发放" });
        await anyVersion.ProblemAsync(HttpStatusCode.Conflict, "temporary-assistance.invalid-transition");
        Assert.That((decimal?)(await FundAsync(CountyOfficer(), Street))["balance"], Is.EqualTo((decimal?)after["balance"]));
    }

    [Test]
    public async Task PaymentWithoutAFund_IsRefused_AndChangesNothing()
    {
        Today("2026-11-02");
        var (opened, etag) = await OpenAsync(CountyOfficer(), 500.00m, township: "320682002");
        var (approved, approvedEtag) = await CaseStepAsync(CountyOfficer(), opened, etag, "approval", new { });
        var response = await TryStepAsync(CountyOfficer(), approved, approvedEtag, "payment", new { });
        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "reserve-fund.insufficient-balance");
        Assert.That((string?)problem["detail"], Does.Contain("R-45"));
        Assert.That((string?)(await GetCaseAsync(CountyOfficer(), opened))["status"], Is.EqualTo("Approved"));
        var fund = await CountyOfficer().GetAsync("/api/v1/reserve-funds/320682002");
        await fund.ProblemAsync(HttpStatusCode.NotFound, "reserve-fund.not-found");
    }

    [Test]
    public async Task TopUp_BadAmountsAndForeignTownships_AreRefused_AndTheLedgerPages()
    {
        var zero = await CountyOfficer().PostJsonAsync($"/api/v1/reserve-funds/{Street}/top-ups", new { amount = 0m });
        await zero.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var fraction = await CountyOfficer().PostJsonAsync($"/api/v1/reserve-funds/{Street}/top-ups", new { amount = 10.005m });
        await fraction.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var foreign = await TownshipClerk().PostJsonAsync("/api/v1/reserve-funds/320682100/top-ups", new { amount = 10m });
        await foreign.ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
        var notTownship = await CountyOfficer().PostJsonAsync("/api/v1/reserve-funds/320682/top-ups", new { amount = 10m });
        await notTownship.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var readForeign = await TownshipClerk().GetAsync("/api/v1/reserve-funds/320682100");
        Assert.That(readForeign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        for (var i = 0; i < 3; i++)
        {
            await TopUpAsync(CountyOfficer(), Street, 1.00m);
        }

        var first = await (await CountyOfficer().GetAsync($"/api/v1/reserve-funds/{Street}/entries?limit=2")).JsonAsync();
        Assert.That(first["items"]!.AsArray(), Has.Count.EqualTo(2));
        var cursor = (string?)first["nextCursor"];
        Assert.That(cursor, Is.Not.Null);
        var second = await (await CountyOfficer().GetAsync($"/api/v1/reserve-funds/{Street}/entries?limit=2&cursor={Uri.EscapeDataString(cursor!)}")).JsonAsync();
        Assert.That((long?)second["items"]![0]!["sequence"], Is.GreaterThan((long)first["items"]![1]!["sequence"]!));
    }
}
