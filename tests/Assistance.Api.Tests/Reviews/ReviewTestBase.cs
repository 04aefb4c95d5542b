namespace Assistance.Api.Tests.Reviews;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Api.Tests.Workflow;

/// <summary>Enrolments made through the workflow API, then household changes and reviews through the API (R-30 … R-32).</summary>
public abstract class ReviewTestBase : WorkflowTestBase
{
    protected static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>A county officer who may also read ID numbers and the audit trail.</summary>
    protected HttpClient CountyOf(string region) =>
        Factory.ClientAs("county-" + region, region, null, "cases.read", "cases.write", "cases.approve", "audit.read", "pii.read", "registry.read", "registry.write");

    /// <summary>Submits on <paramref name="openedOn"/>, runs every step to the notice that day, closes it 8 days later and approves.</summary>
    protected async Task<JsonNode> EnrolAsync(HttpClient county, HouseholdRef household, string programme, string openedOn, string? careSetting = null)
    {
        Today(openedOn);
        var (id, etag, _) = await SubmitAsync(county, household, programme);
        etag = await ToNoticeAsync(county, id, etag);
        Today(DateOnly.Parse(openedOn, System.Globalization.CultureInfo.InvariantCulture).AddDays(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        (_, etag) = await StepAsync(county, id, "public-notice/close", new { reason = "公示无异议" }, etag);
        var (decided, _) = await StepAsync(county, id, "decision", careSetting is null
            ? new { decision = "Approve", reasons = "符合条件" }
            : new { decision = "Approve", reasons = "符合条件", careSetting }, etag);
        Assert.That((string?)decided["status"], Is.EqualTo("Enrolled"), decided.ToJsonString());
        var enrolmentId = (string)decided["enrolmentIds"]![0]!;
        return await GetEnrolmentAsync(county, Guid.Parse(enrolmentId));
    }

    protected static async Task<JsonNode> GetEnrolmentAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync(Url($"/api/v1/enrolments/{id}"));
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    /// <summary>Sets one member's wage through PUT /households/{id}/members/{memberId}; returns the household's new version.</summary>
    protected async Task<long> SetWageAsync(HouseholdRef household, int member, Member facts, decimal wage)
    {
        var client = Admin();
        var get = await client.GetAsync(Url($"/api/v1/households/{household.Id}"));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var put = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{household.Id}/members/{household.MemberIds[member]}", new
        {
            idNumber = household.IdNumbers[member],
            name = facts.Name,
            relationship = facts.Relationship,
            status = facts.Status,
            laborCapacity = facts.Labor,
            selfCare = facts.SelfCare,
            hasCapableSupporter = facts.Supporter,
            employed = wage > 0,
            incomes = wage > 0 ? new[] { new { type = "Wage", monthlyAmount = wage, unstable = false } } : [],
        }, get.Headers.ETag!.ToString());
        var text = await put.Content.ReadAsStringAsync();
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return await HouseholdVersionAsync(household);
    }

    protected async Task<long> HouseholdVersionAsync(HouseholdRef household)
    {
        var get = await Admin().GetAsync(Url($"/api/v1/households/{household.Id}"));
        return long.Parse(get.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Records a review with the enrolment's current ETag; returns the response (status not asserted).</summary>
    protected static async Task<HttpResponseMessage> ReviewAsync(HttpClient client, Guid enrolmentId, string reviewedOn, long householdVersion, bool fromWork = false, string? etag = null)
    {
        etag ??= (await client.GetAsync(Url($"/api/v1/enrolments/{enrolmentId}"))).Headers.ETag!.ToString();
        return await client.PostJsonAsync($"/api/v1/enrolments/{enrolmentId}/reviews",
            new { reviewedOn, householdVersion, incomeRiseFromEmployment = fromWork, note = "入户核查" }, Guid.NewGuid().ToString(), etag);
    }

    protected static async Task<JsonNode> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        return body;
    }

    /// <summary>Every due enrolment id of the region (all pages).</summary>
    protected static async Task<List<string>> DueAsync(HttpClient client, string region, string before)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/reviews/due?regionCode={region}&before={before}&limit=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var response = await client.GetAsync(Url(url));
            var body = await response.JsonAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            ids.AddRange(body["items"]!.AsArray().Select(i => (string)i!["enrolmentId"]!));
            cursor = (string?)body["nextCursor"];
        }
        while (cursor is not null);
        return ids;
    }

    protected static async Task<JsonNode> RunExitsAsync(HttpClient client, string asOf)
    {
        var response = await client.PostJsonAsync("/api/v1/reviews/exits", new { asOf }, Guid.NewGuid().ToString());
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    protected static readonly Member Head = new("王一", "1975-03-04", Labor: "Partial");

    protected static readonly Member Child = new("王二", "2013-06-01", Labor: "None", Supporter: true, Relationship: "Child");

    /// <summary>Two elderly people unable to work, with a capable supporter (so not tekun): a stable dibao household, class A.</summary>
    protected Task<HouseholdRef> ElderlyCoupleAsync(string region = "320682001") => InsertHouseholdAsync(region, "Urban",
        new Member("赵老", "1948-02-03", Labor: "None", Supporter: true), new Member("钱老", "1949-05-06", Labor: "None", Supporter: true, Relationship: "Spouse"));
}
