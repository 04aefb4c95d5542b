namespace Assistance.Api.Tests.Payments;

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Api.Tests.Workflow;
using Npgsql;

/// <summary>Enrolments made through the real workflow, then rolls generated, read and paid through the API.</summary>
public abstract class PaymentRollTestBase : WorkflowTestBase
{
    protected const string CountyCode = "320682";

    protected sealed record Enrolled(Guid Id, Guid HouseholdId, decimal MonthlyAmount, int Persons, JsonNode Body);

    /// <summary>A county officer who also runs payments and records indices.</summary>
    protected HttpClient Payments(bool pii = true) => Factory.ClientAs(
        "county-payments", CountyCode, null,
        [.. new[] { "cases.read", "cases.write", "cases.approve", "payments.read", "payments.write", "audit.read", "policy.read", "policy.admin" }
            .Concat(pii ? ["pii.read"] : Array.Empty<string>())]);

    protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Submit on <paramref name="monday"/>, notice, close 8 days later and approve (dibao, or tekun centralized).</summary>
    protected async Task<Enrolled> EnrolAsync(HouseholdRef household, string programme, string monday)
    {
        var client = Payments();
        Today(monday);
        var (id, etag, _) = await SubmitAsync(client, household, programme);
        etag = await ToNoticeAsync(client, id, etag);
        Today(Iso(DateOnly.Parse(monday, CultureInfo.InvariantCulture).AddDays(8)));
        (_, etag) = await StepAsync(client, id, "public-notice/close", new { }, etag);
        var (decided, _) = await StepAsync(client, id, "decision",
            programme == "Tekun" ? new { decision = "Approve", careSetting = (string?)"Centralized" } : new { decision = "Approve", careSetting = (string?)null }, etag);
        Assert.That((string?)decided["status"], Is.EqualTo("Enrolled"), decided.ToJsonString());
        var enrolmentId = Guid.Parse((string)decided["enrolmentIds"]![0]!);
        var body = await (await client.GetAsync(new Uri($"/api/v1/enrolments/{enrolmentId}", UriKind.Relative))).JsonAsync();
        return new Enrolled(enrolmentId, household.Id, (decimal)body["monthlyAmount"]!, body["covered"]!.AsArray().Count, body);
    }

    /// <summary>
    /// The police report a member's death through POST /life-events; returns the continuing enrolment's amount
    /// after the reassessment.
    /// </summary>
    protected async Task<decimal> ReportDeathAsync(string idNumber, string occurredOn)
    {
        var partner = Factory.ClientAs("police-320682", CountyCode, "如皋市公安局", "events.write", "cases.read");
        var death = await partner.PostJsonAsync("/api/v1/life-events", new
        {
            eventId = "EV-ROLL-" + Guid.NewGuid().ToString("N"),
            type = "Death",
            idNumber,
            occurredOn,
            reportingAgency = "如皋市公安局",
        });
        var received = await death.JsonAsync();
        Assert.That(death.StatusCode, Is.EqualTo(HttpStatusCode.Created), received.ToJsonString());
        return (decimal)received["effects"]!["enrolmentsReassessed"]![0]!["amountAfter"]!;
    }

    protected async Task ChangeStatusAsync(Enrolled enrolment, string action, string day)
    {
        var client = Payments();
        Today(day);
        var current = await client.GetAsync(new Uri($"/api/v1/enrolments/{enrolment.Id}", UriKind.Relative));
        var response = await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/status", new { action, reason = "测试: " + action }, Guid.NewGuid().ToString(), ETag(current));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    protected async Task<HttpResponseMessage> GenerateAsync(string month, string programme, string? key = null) =>
        await Payments().PostJsonAsync("/api/v1/payment-rolls", new { regionCode = CountyCode, month, programme }, key ?? Guid.NewGuid().ToString());

    protected async Task<JsonNode> GenerateCreatedAsync(string month, string programme)
    {
        var response = await GenerateAsync(month, programme);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>The roll of the month: generated now (201) or generated before by another test of the class (200).</summary>
    protected async Task<JsonNode> RollAsync(string month, string programme)
    {
        var response = await GenerateAsync(month, programme);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    protected async Task<List<JsonNode>> LinesAsync(Guid rollId, string query = "")
    {
        var client = Payments();
        var lines = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/payment-rolls/{rollId}/lines?limit=2{query}" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var page = await response.JsonAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page.ToJsonString());
            lines.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);
        return lines;
    }

    protected async Task<JsonNode> BankReturnAsync(Guid rollId, string csv, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Payments().PostJsonAsync($"/api/v1/payment-rolls/{rollId}/bank-returns", new { csv }, Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>A parameter as the policy API resolves it for the county on a date.</summary>
    protected async Task<decimal> ParameterAsync(string key, string on)
    {
        var response = await Payments().GetAsync(new Uri($"/api/v1/policy/parameters?regionCode={CountyCode}&on={on}", UriKind.Relative));
        var body = await response.JsonAsync();
        return (decimal)body["parameters"]!.AsArray().First(p => (string?)p!["key"] == key)!["value"]!;
    }

    protected async Task<Guid> RecordIndexAsync(string indexMonth, decimal cpi, decimal foodCpi, string publishedOn)
    {
        var response = await Payments().PostJsonAsync("/api/v1/price-indices", new
        {
            regionCode = CountyCode,
            indexMonth,
            cpiPercent = cpi,
            foodCpiPercent = foodCpi,
            publishedOn,
            source = "如皋市统计局月度发布",
        }, Guid.NewGuid().ToString());
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        return Guid.Parse((string)body["id"]!);
    }

    protected async Task<long> ScalarAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var set = new NpgsqlCommand("SELECT set_config('assistance.region_prefix', '*', false)", connection);
        await set.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    protected static decimal Sum(IEnumerable<JsonNode> lines) => lines.Sum(l => (decimal)l["amount"]!);
}
