namespace Assistance.Api.Tests.TemporaryAssistance;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Api.Tests.Workflow;

/// <summary>
/// Temporary assistance in Rugao (320682) on the packs' values: dibao standard 1050.00 (urban and rural, from
/// 2025-07-01), township tier up to 3 months (3150.00), county above, 一事一议 above 12 months (12600.00), first-aid
/// paperwork due 10 days after payment, the unemployed-migrant grant 3–6 months (3150.00–6300.00, S0 三).
/// </summary>
public abstract class TemporaryAssistanceTestBase : WorkflowTestBase
{
    protected const string Street = "320682001";
    protected const string Town = "320682100";

    private static int sequence = 300;

    protected HttpClient CountyOfficer() => Factory.ClientAs(
        "county-officer", "320682", null, "cases.read", "cases.write", "cases.approve", "payments.read", "payments.write", "audit.read", "pii.read");

    protected HttpClient TownshipClerk(string township = Street) => Factory.ClientAs(
        "township-clerk", township, null, "cases.read", "cases.write", "cases.approve", "payments.read", "payments.write", "pii.read");

    /// <summary>An ID number registered outside Jiangsu (北京市东城区 110101): a non-local hukou.</summary>
    protected static string NonLocalIdNumber()
    {
        var seq = Interlocked.Increment(ref sequence) % 1000;
        var body = "11010119900101" + seq.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return Assistance.Api.OpenApi.ContractExamples.Id(body);
    }

    protected static async Task<(JsonNode Body, string ETag)> OpenAsync(
        HttpClient client, decimal amount, string type = "Expenditure", string township = Street, bool migrantGrant = false, string occurredOn = "2026-10-30",
        string? residence = null)
    {
        var response = await client.PostJsonAsync("/api/v1/temporary-assistance", new
        {
            townshipCode = township,
            type,
            personName = "赵六",
            idNumber = NonLocalIdNumber(),
            occurredOn,
            description = "House fire; the family lost its belongings.",
            amountRequested = amount,
            unemployedMigrantGrant = migrantGrant,
            residence,
            reason = "窗口受理",
        }, Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return (JsonNode.Parse(text)!, ETag(response));
    }

    protected static async Task<(JsonNode Body, string ETag)> CaseStepAsync(HttpClient client, JsonNode caseBody, string etag, string step, object body, string? key = null)
    {
        var response = await client.PostJsonAsync($"/api/v1/temporary-assistance/{(string)caseBody["id"]!}/{step}", body, key ?? Guid.NewGuid().ToString(), etag);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{step}: {text}");
        return (JsonNode.Parse(text)!, ETag(response));
    }

    protected static Task<HttpResponseMessage> TryStepAsync(HttpClient client, JsonNode caseBody, string etag, string step, object body, string? key = null) =>
        client.PostJsonAsync($"/api/v1/temporary-assistance/{(string)caseBody["id"]!}/{step}", body, key ?? Guid.NewGuid().ToString(), etag);

    protected static async Task<JsonNode> TopUpAsync(HttpClient client, string township, decimal amount)
    {
        var response = await client.PostJsonAsync($"/api/v1/reserve-funds/{township}/top-ups", new { amount, reason = "县财政拨付备用金" }, Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    protected static async Task<JsonNode> FundAsync(HttpClient client, string township) =>
        await (await client.GetAsync($"/api/v1/reserve-funds/{township}")).JsonAsync();

    protected static async Task<JsonNode> GetCaseAsync(HttpClient client, JsonNode caseBody) =>
        await (await client.GetAsync($"/api/v1/temporary-assistance/{(string)caseBody["id"]!}")).JsonAsync();
}
