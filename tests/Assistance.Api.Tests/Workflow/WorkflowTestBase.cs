namespace Assistance.Api.Tests.Workflow;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Shared steps for the workflow API tests: the calendar seed loaded as at startup, households registered through the
/// households API, and helpers that move a case along.
/// </summary>
public abstract class WorkflowTestBase : ApiTestBase
{
    private static int sequence = 100;

    public sealed record Member(string Name, string BirthDate, string Labor = "Full", string SelfCare = "SelfCare", bool Supporter = false,
        decimal Wage = 0m, string Status = "Present", string Relationship = "Head");

    public sealed record HouseholdRef(Guid Id, IReadOnlyList<Guid> MemberIds, IReadOnlyList<string> IdNumbers);

    [OneTimeSetUp]
    public async Task SeedReferenceDataAsync()
    {
        // TimeProvider.GetUtcNow() must be UTC (Npgsql refuses other offsets for timestamptz).
        Factory.Clock.Set(Factory.Clock.GetUtcNow().ToUniversalTime());
        foreach (var seeder in Factory.Services.GetServices<IStartupSeeder>().Where(s => !s.IsDemoData))
        {
            await seeder.SeedAsync(CancellationToken.None);
        }
    }

    /// <summary>Beijing time on a date (09:00).</summary>
    protected void Today(string isoDate) =>
        Factory.Clock.Set(DateTimeOffset.Parse(isoDate + "T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime());

    protected HttpClient County() => Factory.ClientAs("county-officer", "320682", null, "cases.read", "cases.write", "cases.approve", "audit.read", "pii.read", "policy.read");

    protected HttpClient Township() => Factory.ClientAs("township-clerk", "320682001", null, "cases.read", "cases.write", "cases.approve");

    public static string IdNumber(string birthDate, bool male = true)
    {
        // Steps of 2: consecutive calls never fold onto the same sequence when the parity is adjusted below.
        var seq = Interlocked.Add(ref sequence, 2) % 1000;
        if (seq % 2 == (male ? 0 : 1))
        {
            seq = (seq + 1) % 1000;
        }

        var body = "320682" + birthDate.Replace("-", string.Empty, StringComparison.Ordinal) + seq.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>Registers a household through POST /api/v1/households (the household register's API).</summary>
    protected async Task<HouseholdRef> InsertHouseholdAsync(string region, string residence, params Member[] members)
    {
        var response = await Admin().PostJsonAsync("/api/v1/households", new
        {
            regionCode = region,
            residence,
            address = "如皋市如城街道",
            members = members.Select(m => new
            {
                idNumber = IdNumber(m.BirthDate),
                name = m.Name,
                relationship = m.Relationship,
                status = m.Status,
                laborCapacity = m.Labor,
                selfCare = m.SelfCare,
                hasCapableSupporter = m.Supporter,
                incomes = m.Wage > 0 ? new[] { new { type = "Wage", monthlyAmount = m.Wage, unstable = false } } : [],
            }).ToArray(),
        }, Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var body = JsonNode.Parse(text)!;
        var created = body["members"]!.AsArray();
        return new HouseholdRef(
            Guid.Parse((string)body["id"]!),
            created.Select(m => Guid.Parse((string)m!["id"]!)).ToList(),
            created.Select(m => (string)m!["idNumber"]!).ToList());
    }

    /// <summary>A household of two with no income (dibao-eligible on the packs' standards).</summary>
    protected Task<HouseholdRef> PoorFamilyAsync() => InsertHouseholdAsync("320682001", "Urban",
        new Member("王一", "1975-03-04", Labor: "Partial"), new Member("王二", "2013-06-01", Labor: "None", Supporter: true, Relationship: "Child"));

    /// <summary>An 80-year-old living alone, unable to work, no supporter, fully dependent: tekun.</summary>
    protected Task<HouseholdRef> LoneElderAsync() => InsertHouseholdAsync("320682001", "Rural",
        new Member("李老", "1946-01-15", Labor: "None", SelfCare: "FullCare"));

    protected static string ETag(HttpResponseMessage response) => response.Headers.ETag?.Tag ?? throw new AssertionException("No ETag on the response.");

    /// <summary>Posts a transition with If-Match and a fresh Idempotency-Key; asserts 200 and returns (body, etag).</summary>
    protected static async Task<(JsonNode Body, string ETag)> StepAsync(HttpClient client, Guid id, string path, object body, string etag)
    {
        var response = await client.PostJsonAsync($"/api/v1/applications/{id}/{path}", body, Guid.NewGuid().ToString(), etag);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {text}");
        return (JsonNode.Parse(text)!, ETag(response));
    }

    protected static async Task<(Guid Id, string ETag, JsonNode Body)> SubmitAsync(HttpClient client, HouseholdRef household, string programme, int applicant = 0)
    {
        var response = await client.PostJsonAsync("/api/v1/applications", new
        {
            householdId = household.Id,
            programme,
            channel = "Window",
            applicantMemberId = household.MemberIds[applicant],
            signedCommitment = true,
            reason = "窗口申请",
        }, Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var body = JsonNode.Parse(text)!;
        return (Guid.Parse((string)body["id"]!), ETag(response), body);
    }

    protected static readonly string[] Sources = ["Bank", "RealEstate", "Vehicles", "BusinessRegistration", "SocialInsurance"];

    protected static readonly object[] Investigators = [new { name = "张三" }, new { name = "李四" }];

    /// <summary>Accept → request verification → all (or some) sources → survey → notice opened on the current day.</summary>
    protected static async Task<string> ToNoticeAsync(HttpClient client, Guid id, string etag, int sources = 5)
    {
        (_, etag) = await StepAsync(client, id, "accept", new { reason = "材料齐全" }, etag);
        (_, etag) = await StepAsync(client, id, "verification-request", new { reason = "发起核对" }, etag);
        foreach (var source in Sources.Take(sources))
        {
            (_, etag) = await StepAsync(client, id, "verification-results", new { source, outcome = "Pass" }, etag);
        }

        (_, etag) = await StepAsync(client, id, "home-surveys", new { investigators = Investigators, findings = "家庭无收入，住房简陋" }, etag);
        (_, etag) = await StepAsync(client, id, "public-notice", new { reason = "村务公开栏" }, etag);
        return etag;
    }
}
