namespace Assistance.Api.Tests.Households;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>Audit rows for every change and cursor pagination of the list.</summary>
public sealed class HouseholdAuditAndListTests : ApiTestBase
{
    private HttpClient Clerk() => Factory.ClientAs("clerk-wang", "320682", null, "registry.read", "registry.write", "pii.read");

    [Test]
    public async Task EveryChange_WritesAnAuditRowWithActorActionAndMaskedSnapshots()
    {
        var headId = NewIdNumber();
        var childId = NewIdNumber();
        var (created, etag) = await CreateAsync(Clerk(), Household("320682001", Member(headId, "顾德华")));
        var id = (string)created["id"]!;

        var body = created.DeepClone().AsObject();
        body["address"] = "新地址";
        var replaced = await Clerk().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{id}", body, ifMatch: etag);
        Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var added = await (await Clerk().SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{id}/members", Member(childId, "顾小华", "Child"), ifMatch: "\"2\"")).JsonAsync();
        var childMemberId = (string?)added["members"]![1]!["id"];
        var update = Member(childId, "顾小华", "Child");
        update["inSchool"] = true;
        Assert.That((await Clerk().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{id}/members/{childMemberId}", update, ifMatch: "\"3\"")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Clerk().SendJsonAsync(HttpMethod.Delete, $"/api/v1/households/{id}/members/{childMemberId}", null, ifMatch: "\"4\"")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // A rejected change writes no audit row.
        await (await Clerk().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{id}", body, ifMatch: "\"1\"")).ProblemAsync(HttpStatusCode.PreconditionFailed, "household.version-mismatch");

        var response = await Factory.ClientWith("320682", "audit.read").GetAsync(Url($"/api/v1/audit-events?entityType=Household&entityId={id}"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var events = JsonNode.Parse(text)!["items"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => (string?)e!["action"]), Is.EqualTo(new[] { "Created", "Replaced", "MemberAdded", "MemberUpdated", "MemberRemoved" }));
            Assert.That(events.Select(e => (string?)e!["actor"]), Is.All.EqualTo("clerk-wang"));
            Assert.That(events.Select(e => (string?)e!["regionCode"]), Is.All.EqualTo("320682001"));
            Assert.That(events.Select(e => (string?)e!["entityType"]), Is.All.EqualTo("Household"));
            Assert.That(text, Does.Not.Contain(headId), "no raw ID number in audit JSON");
            Assert.That(text, Does.Not.Contain(childId), "no raw ID number in audit JSON");
            Assert.That(text, Does.Contain(Masked(headId)));
        });

        Assert.Multiple(() =>
        {
            Assert.That(events[0]!["before"], Is.Null);
            Assert.That((long?)events[0]!["after"]!["version"], Is.EqualTo(1));
            Assert.That((string?)events[0]!["after"]!["members"]![0]!["idNumber"], Is.EqualTo(Masked(headId)));
            Assert.That((string?)events[1]!["before"]!["address"], Is.EqualTo("如皋市如城街道福寿路18号"));
            Assert.That((string?)events[1]!["after"]!["address"], Is.EqualTo("新地址"));
            Assert.That((long?)events[1]!["after"]!["version"], Is.EqualTo(2));
            Assert.That(events[2]!["before"]!["members"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That((string?)events[2]!["after"]!["members"]![1]!["idNumber"], Is.EqualTo(Masked(childId)));
            Assert.That((bool?)events[3]!["before"]!["members"]![1]!["inSchool"], Is.False);
            Assert.That((bool?)events[3]!["after"]!["members"]![1]!["inSchool"], Is.True);
            Assert.That(events[4]!["after"]!["members"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That((long?)events[4]!["after"]!["version"], Is.EqualTo(5));
        });
    }

    [Test]
    public async Task ListHouseholds_OverMoreThanOnePage_ReturnsEveryHouseholdOnceInIdOrder()
    {
        var createdIds = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var (created, _) = await CreateAsync(Clerk(), SimpleHousehold("320682100"));
            createdIds.Add((string)created["id"]!);
        }

        var seen = new List<string>();
        var pages = new List<int>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/households?regionCode=320682100&limit=3" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await Clerk().GetAsync(Url(url))).JsonAsync();
            var items = page["items"]!.AsArray();
            pages.Add(items.Count);
            seen.AddRange(items.Select(h => (string)h!["id"]!));
            cursor = (string?)page["nextCursor"];
            if (cursor is null)
            {
                Assert.That(page.AsObject().ContainsKey("nextCursor") ? page["nextCursor"] : null, Is.Null);
            }
        }
        while (cursor is not null);

        Assert.That(pages, Is.EqualTo(new[] { 3, 3, 1 }));
        Assert.That(seen, Is.EqualTo(createdIds.Order(StringComparer.Ordinal).ToList()));
        Assert.That(seen, Is.EquivalentTo(createdIds));
    }

    [Test]
    public async Task ListHouseholds_CursorReplayedWithAnotherRegion_Returns400()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(Clerk(), SimpleHousehold("320682002"));
        }

        var first = await (await Clerk().GetAsync(Url("/api/v1/households?regionCode=320682002&limit=2"))).JsonAsync();
        var cursor = Uri.EscapeDataString((string)first["nextCursor"]!);
        var problem = await (await Clerk().GetAsync(Url($"/api/v1/households?regionCode=320682&limit=2&cursor={cursor}")))
            .ProblemAsync(HttpStatusCode.BadRequest, "request.cursor-invalid");
        Assert.That((string?)problem["errors"]!["cursor"]![0], Does.Contain("different query"));
        await (await Clerk().GetAsync(Url("/api/v1/households?cursor=not-a-cursor"))).ProblemAsync(HttpStatusCode.BadRequest, "request.cursor-invalid");
        await (await Clerk().GetAsync(Url("/api/v1/households?limit=0"))).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await Clerk().GetAsync(Url("/api/v1/households?limit=201"))).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await Clerk().GetAsync(Url("/api/v1/households?regionCode=32x"))).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Test]
    public async Task ListHouseholds_WithoutReadScope_Returns403()
    {
        await (await Factory.ClientWith("320682", "registry.write").GetAsync(Url("/api/v1/households"))).ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
