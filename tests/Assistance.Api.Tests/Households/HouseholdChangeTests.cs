namespace Assistance.Api.Tests.Households;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>ETag / If-Match flow, replace semantics and the member sub-resource.</summary>
public sealed class HouseholdChangeTests : ApiTestBase
{
    private HttpClient Writer() => Factory.ClientWith("320682", "registry.read", "registry.write", "pii.read");

    private HttpClient MaskedWriter() => Factory.ClientWith("320682", "registry.read", "registry.write");

    [Test]
    public async Task ReplaceHousehold_WithCurrentETag_Returns200AndNewETag_ThenOldETagReturns412()
    {
        var (created, _) = await CreateAsync(Writer(), SimpleHousehold());
        var url = $"/api/v1/households/{created["id"]}";
        var get = await Writer().GetAsync(Url(url));
        var etag = get.Headers.ETag!.ToString();
        Assert.That(etag, Is.EqualTo("\"1\""));

        var body = (await get.JsonAsync()).AsObject();
        body["address"] = "如皋市如城街道新址1号";
        body["residence"] = "Rural";
        var put = await Writer().SendJsonAsync(HttpMethod.Put, url, body, ifMatch: etag);
        var replaced = await put.JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(put.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
            Assert.That((long?)replaced["version"], Is.EqualTo(2));
            Assert.That((string?)replaced["address"], Is.EqualTo("如皋市如城街道新址1号"));
            Assert.That((string?)replaced["residence"], Is.EqualTo("Rural"));
            Assert.That((string?)replaced["createdAt"], Is.EqualTo((string?)created["createdAt"]));
        });

        body["address"] = "lost update";
        var stale = await Writer().SendJsonAsync(HttpMethod.Put, url, body, ifMatch: etag);
        var problem = await stale.ProblemAsync(HttpStatusCode.PreconditionFailed, "household.version-mismatch");
        Assert.That((string?)problem["detail"], Does.Contain("version 2"));
        var after = await (await Writer().GetAsync(Url(url))).JsonAsync();
        Assert.That((string?)after["address"], Is.EqualTo("如皋市如城街道新址1号"));
    }

    [Test]
    public async Task ReplaceHousehold_WithoutIfMatch_Returns428_AndGarbageIfMatch_Returns400()
    {
        var (created, _) = await CreateAsync(Writer(), SimpleHousehold());
        var url = $"/api/v1/households/{created["id"]}";
        await (await Writer().SendJsonAsync(HttpMethod.Put, url, created)).ProblemAsync(HttpStatusCode.PreconditionRequired, "request.if-match-required");
        await (await Writer().SendJsonAsync(HttpMethod.Put, url, created, ifMatch: "version-one"))
            .ProblemAsync(HttpStatusCode.BadRequest, "request.if-match-invalid");
        Assert.That((long?)(await (await Writer().GetAsync(Url(url))).JsonAsync())["version"], Is.EqualTo(1));
    }

    [Test]
    public async Task ReplaceHousehold_WithMaskedRepresentation_KeepsIdsMatchesByIdAddsAndRemoves()
    {
        var headId = NewIdNumber();
        var childId = NewIdNumber();
        var (created, etag) = await CreateAsync(MaskedWriter(), Household("320682001", Member(headId, "顾德华"), Member(childId, "顾小华", "Child")));
        var body = created.DeepClone().AsObject();
        var members = body["members"]!.AsArray();
        var headMemberId = (string?)members[0]!["id"];
        var childMemberId = (string?)members[1]!["id"];
        Assert.That((string?)members[0]!["idNumber"], Is.EqualTo(Masked(headId)), "the client only ever saw masked numbers");

        members[0]!["name"] = "顾德华（改）";
        members[0]!["incomes"] = new JsonArray(new JsonObject { ["type"] = "Wage", ["monthlyAmount"] = 2000.5, ["unstable"] = true });
        members.RemoveAt(1);
        var newId = NewIdNumber(male: false);
        members.Add(Member(newId, "朱桂英", "Spouse"));

        var put = await MaskedWriter().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{created["id"]}", body, ifMatch: etag);
        var replaced = await put.JsonAsync();
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), replaced.ToJsonString());

        var stored = await (await Writer().GetAsync(Url($"/api/v1/households/{created["id"]}"))).JsonAsync();
        var storedMembers = stored["members"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(storedMembers, Has.Count.EqualTo(2));
            Assert.That((string?)storedMembers[0]!["id"], Is.EqualTo(headMemberId));
            Assert.That((string?)storedMembers[0]!["idNumber"], Is.EqualTo(headId), "masked number kept the stored one");
            Assert.That((string?)storedMembers[0]!["name"], Is.EqualTo("顾德华（改）"));
            Assert.That(storedMembers[0]!["incomes"]!.ToJsonString(), Is.EqualTo("[{\"type\":\"Wage\",\"monthlyAmount\":2000.50,\"unstable\":true}]"));
            Assert.That((string?)storedMembers[1]!["idNumber"], Is.EqualTo(newId));
            Assert.That((string?)storedMembers[1]!["id"], Is.Not.EqualTo(childMemberId));
            Assert.That(storedMembers.Select(m => (string?)m!["id"]), Does.Not.Contain(childMemberId));
        });
        Assert.That(await CountAsync(Factory, "household_members"), Is.EqualTo(await CountMembersOfAllAsync()));
    }

    [Test]
    public async Task ReplaceHousehold_WithMaskedNumberOfAnotherPerson_Returns400()
    {
        var (created, etag) = await CreateAsync(MaskedWriter(), SimpleHousehold());
        var body = created.DeepClone().AsObject();
        body["members"]![0]!["idNumber"] = "110101********0011";
        var problem = await (await MaskedWriter().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{created["id"]}", body, ifMatch: etag))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That((string?)problem["errors"]!["members[0].idNumber"]![0], Does.Contain("does not match"));
    }

    [Test]
    public async Task ReplaceHousehold_WithUnknownMemberId_Returns400NamingIt()
    {
        var (created, etag) = await CreateAsync(Writer(), SimpleHousehold());
        var body = created.DeepClone().AsObject();
        body["members"]![0]!["id"] = Guid.CreateVersion7().ToString();
        var problem = await (await Writer().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{created["id"]}", body, ifMatch: etag))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!["members[0].id"], Is.Not.Null);
    }

    [Test]
    public async Task ReplaceHousehold_WhenUnknown_Returns404()
    {
        await (await Writer().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{Guid.CreateVersion7()}", SimpleHousehold(), ifMatch: "\"1\""))
            .ProblemAsync(HttpStatusCode.NotFound, "household.not-found");
    }

    [Test]
    public async Task MemberEndpoints_AddUpdateRemove_BumpVersionAndReturnWholeHousehold()
    {
        var (created, etag) = await CreateAsync(Writer(), SimpleHousehold());
        var id = (string)created["id"]!;
        var newId = NewIdNumber(male: false, birth: new DateOnly(2012, 9, 1));
        var child = Member(newId, "顾小美", "Child");
        child["inSchool"] = true;

        var add = await Writer().SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{id}/members", child, ifMatch: etag);
        var added = await add.JsonAsync();
        Assert.That(add.StatusCode, Is.EqualTo(HttpStatusCode.OK), added.ToJsonString());
        Assert.That(add.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        var addedMember = added["members"]![1]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)addedMember["idNumber"], Is.EqualTo(newId));
            Assert.That((string?)addedMember["birthDate"], Is.EqualTo("2012-09-01"));
            Assert.That((string?)addedMember["sex"], Is.EqualTo("Female"));
            Assert.That((bool?)addedMember["inSchool"], Is.True);
        });

        var update = Member(Masked(newId), "顾小美", "Child");
        update["employed"] = true;
        update["disability"] = new JsonObject { ["category"] = "Hearing", ["grade"] = 4 };
        var put = await Writer().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{id}/members/{addedMember["id"]}", update, ifMatch: "\"2\"");
        var updated = await put.JsonAsync();
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), updated.ToJsonString());
        Assert.That(put.Headers.ETag!.ToString(), Is.EqualTo("\"3\""));
        Assert.Multiple(() =>
        {
            Assert.That((string?)updated["members"]![1]!["idNumber"], Is.EqualTo(newId));
            Assert.That((bool?)updated["members"]![1]!["employed"], Is.True);
            Assert.That((bool?)updated["members"]![1]!["inSchool"], Is.False, "PUT replaces the member: omitted flags take their defaults");
            Assert.That((string?)updated["members"]![1]!["disability"]!["category"], Is.EqualTo("Hearing"));
        });

        var delete = await Writer().SendJsonAsync(HttpMethod.Delete, $"/api/v1/households/{id}/members/{addedMember["id"]}", null, ifMatch: "\"3\"");
        var removed = await delete.JsonAsync();
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(delete.Headers.ETag!.ToString(), Is.EqualTo("\"4\""));
        Assert.That(removed["members"]!.AsArray().Select(m => (string?)m!["id"]), Is.EqualTo(new[] { (string?)created["members"]![0]!["id"] }));
        Assert.That((long?)(await (await Writer().GetAsync(Url($"/api/v1/households/{id}"))).JsonAsync())["version"], Is.EqualTo(4));
    }

    [Test]
    public async Task MemberEndpoints_WithStaleOrMissingIfMatch_Return412Or428()
    {
        var (created, _) = await CreateAsync(Writer(), SimpleHousehold());
        var id = (string)created["id"]!;
        await (await Writer().SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{id}/members", Member(NewIdNumber(), "李四", "Child"), ifMatch: "\"7\""))
            .ProblemAsync(HttpStatusCode.PreconditionFailed, "household.version-mismatch");
        await (await Writer().SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{id}/members", Member(NewIdNumber(), "李四", "Child")))
            .ProblemAsync(HttpStatusCode.PreconditionRequired, "request.if-match-required");
        await (await Writer().SendJsonAsync(HttpMethod.Delete, $"/api/v1/households/{id}/members/{created["members"]![0]!["id"]}", null, ifMatch: "\"0\""))
            .ProblemAsync(HttpStatusCode.PreconditionFailed, "household.version-mismatch");
        Assert.That(await CountAsync(Factory, "household_members"), Is.EqualTo(await CountMembersOfAllAsync()));
    }

    [Test]
    public async Task RemoveHouseholdMember_WhenLastMember_Returns409AndKeepsIt()
    {
        var (created, etag) = await CreateAsync(Writer(), SimpleHousehold());
        var problem = await (await Writer().SendJsonAsync(HttpMethod.Delete, $"/api/v1/households/{created["id"]}/members/{created["members"]![0]!["id"]}", null, ifMatch: etag))
            .ProblemAsync(HttpStatusCode.Conflict, "household.no-members");
        Assert.That((string?)problem["detail"], Does.Contain("at least one member"));
        Assert.That((await (await Writer().GetAsync(Url($"/api/v1/households/{created["id"]}"))).JsonAsync())["members"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task UpdateHouseholdMember_WhenUnknownMember_Returns404()
    {
        var (created, etag) = await CreateAsync(Writer(), SimpleHousehold());
        await (await Writer().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{created["id"]}/members/{Guid.CreateVersion7()}", Member(NewIdNumber()), ifMatch: etag))
            .ProblemAsync(HttpStatusCode.NotFound, "household-member.not-found");
    }

    [Test]
    public async Task AddHouseholdMember_WithDuplicateIdOrSecondHead_Returns409()
    {
        var headId = NewIdNumber();
        var (created, etag) = await CreateAsync(Writer(), Household("320682001", Member(headId)));
        var id = (string)created["id"]!;
        var duplicate = await (await Writer().SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{id}/members", Member(headId, "重复", "Child"), ifMatch: etag))
            .ProblemAsync(HttpStatusCode.Conflict, "household.duplicate-id-number");
        Assert.That((string?)duplicate["detail"], Does.Contain(Masked(headId)).And.Not.Contain(headId));
        await (await Writer().SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{id}/members", Member(NewIdNumber(), "二号户主", "Head"), ifMatch: etag))
            .ProblemAsync(HttpStatusCode.Conflict, "household.multiple-heads");
        var invalid = await (await Writer().SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{id}/members", Member("320682", "短号", "Child"), ifMatch: etag))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(invalid["errors"]!["idNumber"], Is.Not.Null, "the body is the member, so the field is idNumber");
        Assert.That((long?)(await (await Writer().GetAsync(Url($"/api/v1/households/{id}"))).JsonAsync())["version"], Is.EqualTo(1));
    }

    [Test]
    public async Task AddHouseholdMember_AsThirtyFirst_Returns409TooManyMembers()
    {
        var client = Writer();
        var (created, etag) = await CreateAsync(client, Household("320682001", [.. Enumerable.Range(0, 30).Select(i => Member(NewIdNumber(), $"成员{i}", "Other"))]));
        var problem = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{created["id"]}/members", Member(NewIdNumber(), "第31人", "Other"), ifMatch: etag))
            .ProblemAsync(HttpStatusCode.Conflict, "household.too-many-members");
        Assert.That((string?)problem["detail"], Does.Contain("at most 30"));
    }

    [Test]
    public async Task ReplaceHousehold_IgnoresBodyVersionAndTimestamps_AndAcceptsACorrectedIdNumber()
    {
        var (created, etag) = await CreateAsync(Writer(), SimpleHousehold());
        var body = created.DeepClone().AsObject();
        body["id"] = Guid.CreateVersion7().ToString();
        body["version"] = 99;
        body["createdAt"] = "2000-01-01T00:00:00+00:00";
        var corrected = NewIdNumber(male: false, birth: new DateOnly(1972, 2, 29));
        body["members"]![0]!["idNumber"] = corrected;
        body["members"]![0]!["birthDate"] = "1972-02-29";
        body["members"]![0]!["sex"] = "Female";
        var put = await Writer().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{created["id"]}", body, ifMatch: etag);
        var replaced = await put.JsonAsync();
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), replaced.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That((string?)replaced["id"], Is.EqualTo((string?)created["id"]));
            Assert.That((long?)replaced["version"], Is.EqualTo(2));
            Assert.That((string?)replaced["createdAt"], Is.EqualTo((string?)created["createdAt"]));
            Assert.That((string?)replaced["members"]![0]!["id"], Is.EqualTo((string?)created["members"]![0]!["id"]));
            Assert.That((string?)replaced["members"]![0]!["idNumber"], Is.EqualTo(corrected));
            Assert.That((string?)replaced["members"]![0]!["birthDate"], Is.EqualTo("1972-02-29"));
            Assert.That((string?)replaced["members"]![0]!["sex"], Is.EqualTo("Female"));
        });
    }

    [Test]
    public async Task AddHouseholdMember_RetriedWithSameIdempotencyKey_AddsOnceAndReplays()
    {
        var (created, etag) = await CreateAsync(Writer(), SimpleHousehold());
        var url = $"/api/v1/households/{created["id"]}/members";
        var member = Member(NewIdNumber(), "李四", "Child");
        var key = Guid.NewGuid().ToString();
        var first = await Writer().SendJsonAsync(HttpMethod.Post, url, member, ifMatch: etag, idempotencyKey: key);
        var second = await Writer().SendJsonAsync(HttpMethod.Post, url, member, ifMatch: etag, idempotencyKey: key);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(second.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        var stored = await (await Writer().GetAsync(Url($"/api/v1/households/{created["id"]}"))).JsonAsync();
        Assert.That(stored["members"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That((long?)stored["version"], Is.EqualTo(2));
    }

    [Test]
    public async Task LookupHousehold_WithLowercaseX_FindsTheHousehold()
    {
        var idNumber = NewIdNumberEndingInX();
        var (created, _) = await CreateAsync(Writer(), Household("320682001", Member(idNumber)));
        var found = await (await Writer().PostJsonAsync("/api/v1/households/lookup", new { idNumber = idNumber.ToLowerInvariant() })).JsonAsync();
        Assert.That((string?)found["id"], Is.EqualTo((string?)created["id"]));
    }

    private async Task<long> CountMembersOfAllAsync()
    {
        var page = await (await Factory.ClientWith("000000", "registry.read").GetAsync(Url("/api/v1/households?limit=200"))).JsonAsync();
        return page["items"]!.AsArray().Sum(h => h!["members"]!.AsArray().Count);
    }
}
