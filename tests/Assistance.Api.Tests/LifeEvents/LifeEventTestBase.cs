namespace Assistance.Api.Tests.LifeEvents;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Api.Tests.Workflow;

/// <summary>Shared steps for the life-event tests: enrol a household through the real workflow, report events as a partner.</summary>
public abstract class LifeEventTestBase : WorkflowTestBase
{
    private static int eventSequence;

    /// <summary>A partner agency of the county (no pii.read: sees masked ID numbers).</summary>
    protected HttpClient Partner() => Factory.ClientAs("police-320682", "320682", "如皋市公安局", "events.write", "cases.read");

    protected static string NewEventId() => $"EV-{Interlocked.Increment(ref eventSequence):00000}-{Guid.NewGuid():N}";

    /// <summary>Submits, investigates, publishes and approves an application on the days given; returns the enrolment.</summary>
    protected async Task<JsonNode> EnrolAsync(HouseholdRef household, string programme, string submittedOn, string decidedOn, int applicant = 0, string? careSetting = null)
    {
        var county = County();
        Today(submittedOn);
        var (id, etag, _) = await SubmitAsync(county, household, programme, applicant);
        etag = await ToNoticeAsync(county, id, etag);
        Today(decidedOn);
        (_, etag) = await StepAsync(county, id, "public-notice/close", new { reason = "公示无异议" }, etag);
        var (body, _) = await StepAsync(county, id, "decision", careSetting is null
            ? new { decision = "Approve", reasons = "符合条件" }
            : (object)new { decision = "Approve", reasons = "符合条件", careSetting }, etag);
        Assert.That((string?)body["status"], Is.EqualTo("Enrolled"), body.ToJsonString());
        return await GetEnrolmentAsync((string)body["enrolmentIds"]![0]!);
    }

    protected async Task<JsonNode> GetEnrolmentAsync(string id)
    {
        var response = await County().GetAsync(new Uri($"/api/v1/enrolments/{id}", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.JsonAsync();
    }

    protected async Task<JsonNode> GetAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? County()).GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    protected static async Task<(HttpResponseMessage Response, string Text)> ReportAsync(HttpClient partner, object body)
    {
        var response = await partner.PostJsonAsync("/api/v1/life-events", body);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reports an event and asserts 201.</summary>
    protected static async Task<JsonNode> ReportCreatedAsync(HttpClient partner, string type, string idNumber, string occurredOn, string? eventId = null, object? newPerson = null)
    {
        var (response, text) = await ReportAsync(partner, new { eventId = eventId ?? NewEventId(), type, idNumber, occurredOn, reportingAgency = "如皋市公安局", newPerson });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return JsonNode.Parse(text)!;
    }

    protected async Task<string> MemberStatusAsync(HouseholdRef household, int index)
    {
        var body = await GetAsync($"/api/v1/households/{household.Id}", Admin());
        return (string)body["members"]!.AsArray().Single(m => (string?)m!["id"] == household.MemberIds[index].ToString())!["status"]!;
    }
}
