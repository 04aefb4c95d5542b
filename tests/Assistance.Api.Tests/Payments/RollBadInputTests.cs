namespace Assistance.Api.Tests.Payments;

using System.Net;
using Assistance.Api.Tests.Infrastructure;

/// <summary>Bad input is a problem+json 4xx and changes nothing.</summary>
public sealed class RollBadInputTests : PaymentRollTestBase
{
    private Guid rollId;

    [OneTimeSetUp]
    public async Task EnrolAsync()
    {
        await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        Today("2026-04-02");
        rollId = Guid.Parse((string)(await GenerateCreatedAsync("2026-04", "Dibao"))["id"]!);
    }

    [TestCase("320682", "2026-13", "Dibao", "month")]
    [TestCase("320600", "2026-05", "Dibao", "regionCode")]
    [TestCase("32068", "2026-05", "Dibao", "regionCode")]
    [TestCase("320682", "05/2026", "Dibao", "month")]
    public async Task InvalidGenerationRequest_Is400_AndNoRollIsWritten(string region, string month, string programme, string field)
    {
        var before = await ScalarAsync("SELECT count(*) FROM payment_rolls");
        var response = await Payments().PostJsonAsync("/api/v1/payment-rolls", new { regionCode = region, month, programme }, Guid.NewGuid().ToString());
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
        Assert.That(await ScalarAsync("SELECT count(*) FROM payment_rolls"), Is.EqualTo(before));
    }

    [Test]
    public async Task UnknownProgramme_Is400()
    {
        var response = await Payments().PostJsonAsync("/api/v1/payment-rolls", new { regionCode = CountyCode, month = "2026-05", programme = "Pension" }, Guid.NewGuid().ToString());
        await response.ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");
    }

    [Test]
    public async Task RollOutsideTheCallersRegion_Is404()
    {
        var other = Factory.ClientAs("other-county", "320681", null, "payments.read", "payments.write");
        var response = await other.GetAsync(new Uri($"/api/v1/payment-rolls/{rollId}", UriKind.Relative));
        await response.ProblemAsync(HttpStatusCode.NotFound, "payment-roll.not-found");
        var generate = await other.PostJsonAsync("/api/v1/payment-rolls", new { regionCode = CountyCode, month = "2026-05", programme = "Dibao" }, Guid.NewGuid().ToString());
        await generate.ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
    }

    [TestCase("lineId,status\nabc,Paid", "csv")]
    [TestCase("lineId,status,reference,reason\nnot-a-guid,Paid,,", "csv")]
    [TestCase("lineId,status,reference,reason\n3fa85f64-5717-4562-b3fc-2c963f66afa6,Failed,,", "csv")]
    [TestCase("lineId,status,reference,reason\n3fa85f64-5717-4562-b3fc-2c963f66afa6,Pending,,", "csv")]
    public async Task MalformedBankReturn_Is400_AndChangesNothing(string csv, string field)
    {
        var response = await Payments().PostJsonAsync($"/api/v1/payment-rolls/{rollId}/bank-returns", new { csv }, Guid.NewGuid().ToString());
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
        Assert.That(await ScalarAsync("SELECT count(*) FROM payment_roll_lines WHERE status <> 'Pending'"), Is.Zero);
    }

    [Test]
    public async Task BankReturnNamingALineOfAnotherRoll_Is409_AndNoRowIsApplied()
    {
        var line = (await LinesAsync(rollId)).Single();
        var csv = $"lineId,status,reference,reason\n{line["id"]},Paid,BK,\n{Guid.NewGuid()},Paid,BK2,";
        var response = await Payments().PostJsonAsync($"/api/v1/payment-rolls/{rollId}/bank-returns", new { csv }, Guid.NewGuid().ToString());
        await response.ProblemAsync(HttpStatusCode.Conflict, "payment-roll.line-not-in-roll");
        Assert.That((string?)(await LinesAsync(rollId)).Single()["status"], Is.EqualTo("Pending"), "all or nothing");
    }

    [Test]
    public async Task RegenerationWithoutReason_Is400_AndTheRollStaysCurrent()
    {
        var response = await Payments().PostJsonAsync($"/api/v1/payment-rolls/{rollId}/regenerations", new { reason = "" }, Guid.NewGuid().ToString());
        await response.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var roll = await (await Payments().GetAsync(new Uri($"/api/v1/payment-rolls/{rollId}", UriKind.Relative))).JsonAsync();
        Assert.That((string?)roll["status"], Is.EqualTo("Current"));
    }
}
