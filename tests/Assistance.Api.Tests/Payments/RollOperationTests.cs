namespace Assistance.Api.Tests.Payments;

using System.Net;
using Assistance.Api.Background;
using Assistance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

/// <summary>R-40: a roll above PaymentRolls:AsyncThresholdLines answers 202 + Operation-Location and is generated in the background.</summary>
public sealed class RollOperationTests : PaymentRollTestBase
{
    private Enrolled family = null!;

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["PaymentRolls:AsyncThresholdLines"] = "0" };

    [OneTimeSetUp]
    public async Task EnrolAsync()
    {
        family = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        Today("2026-04-02");
    }

    [Test]
    public async Task LargeRoll_Answers202WithOperationLocation_ThenTheOperationSucceedsWithTheRoll()
    {
        var key = Guid.NewGuid().ToString();
        var accepted = await GenerateAsync("2026-04", "Dibao", key);
        var operation = await accepted.JsonAsync();
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), operation.ToJsonString());
        var location = accepted.Headers.GetValues("Operation-Location").Single();
        var operationId = Guid.Parse((string)operation["id"]!);
        Assert.That(location, Is.EqualTo($"/api/v1/payment-roll-operations/{operationId}"));
        Assert.That((string?)operation["status"], Is.EqualTo("Queued"));

        // Completion of the background run (no sleeps): the runner signals when it has handled the operation.
        await Factory.Services.GetRequiredService<PaymentRollOperationRunner>().Completion(operationId).WaitAsync(TimeSpan.FromMinutes(2));
        var done = await (await Payments().GetAsync(new Uri(location, UriKind.Relative))).JsonAsync();
        Assert.That((string?)done["status"], Is.EqualTo("Succeeded"), done.ToJsonString());
        var rollId = Guid.Parse((string)done["rollId"]!);
        var roll = await (await Payments().GetAsync(new Uri($"/api/v1/payment-rolls/{rollId}", UriKind.Relative))).JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That((string?)roll["month"], Is.EqualTo("2026-04"));
            Assert.That((decimal)roll["totalAmount"]!, Is.EqualTo(family.MonthlyAmount));
            Assert.That((string?)roll["generatedBy"], Is.EqualTo("county-payments"), "generated as the requester");
        });

        // The same key replays 202 (the runner does not run it twice); a new request finds the roll (200).
        var replay = await GenerateAsync("2026-04", "Dibao", key);
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await Factory.Services.GetRequiredService<PaymentRollOperationRunner>().Completion(operationId).WaitAsync(TimeSpan.FromMinutes(2));
        var existing = await GenerateAsync("2026-04", "Dibao");
        Assert.That(existing.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)(await existing.JsonAsync())["id"], Is.EqualTo(rollId.ToString()));
        Assert.That(await ScalarAsync("SELECT count(*) FROM payment_rolls"), Is.EqualTo(1));
        Assert.That(await ScalarAsync("SELECT count(*) FROM payment_roll_operations WHERE status = 'Succeeded'"), Is.EqualTo(1));
    }
}
