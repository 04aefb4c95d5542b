namespace Assistance.Api.Tests.Households;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>Region scoping: a caller sees and touches only their subtree, and a 404 never reveals what lies outside.</summary>
public sealed class HouseholdRegionTests : ApiTestBase
{
    private HttpClient Rugao() => Factory.ClientWith("320682", "registry.read", "registry.write");

    private HttpClient Changzhou() => Factory.ClientWith("320400", "registry.read", "registry.write", "pii.read");

    private HttpClient Jiangsu() => Factory.ClientWith("320000", "registry.read", "registry.write");

    [Test]
    public async Task GetHousehold_FromAnotherCity_Returns404LikeUnknown()
    {
        var (created, etag) = await CreateAsync(Rugao(), SimpleHousehold("320682001"));
        var id = (string)created["id"]!;
        var problem = await (await Changzhou().GetAsync(Url($"/api/v1/households/{id}"))).ProblemAsync(HttpStatusCode.NotFound, "household.not-found");
        var unknown = await (await Changzhou().GetAsync(Url($"/api/v1/households/{Guid.CreateVersion7()}"))).ProblemAsync(HttpStatusCode.NotFound, "household.not-found");
        Assert.That((string?)problem["title"], Is.EqualTo((string?)unknown["title"]));

        // Nor can it change it.
        var put = await Changzhou().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{id}", SimpleHousehold("320402"), ifMatch: etag);
        await put.ProblemAsync(HttpStatusCode.NotFound, "household.not-found");
        var delete = await Changzhou().SendJsonAsync(HttpMethod.Delete, $"/api/v1/households/{id}/members/{created["members"]![0]!["id"]}", null, ifMatch: etag);
        await delete.ProblemAsync(HttpStatusCode.NotFound, "household.not-found");
        Assert.That((long?)(await (await Rugao().GetAsync(Url($"/api/v1/households/{id}"))).JsonAsync())["version"], Is.EqualTo(1));
    }

    [Test]
    public async Task ListHouseholds_ForAnotherRegion_Returns404AndDefaultListExcludesIt()
    {
        var (rugao, _) = await CreateAsync(Rugao(), SimpleHousehold("320682002"));
        var (changzhou, _) = await CreateAsync(Changzhou(), SimpleHousehold("320402"));

        await (await Changzhou().GetAsync(Url("/api/v1/households?regionCode=320682"))).ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
        var own = await (await Changzhou().GetAsync(Url("/api/v1/households"))).JsonAsync();
        var ids = own["items"]!.AsArray().Select(h => (string?)h!["id"]).ToList();
        Assert.That(ids, Does.Contain((string?)changzhou["id"]).And.Not.Contain((string?)rugao["id"]));
        Assert.That(own["items"]!.AsArray().Select(h => ((string?)h!["regionCode"])!), Is.All.StartsWith("3204"));
    }

    [Test]
    public async Task CreateHousehold_InAnotherRegion_Returns404RegionNotFoundAndWritesNothing()
    {
        var before = await CountAllAsync(Factory);
        await (await Changzhou().SendJsonAsync(HttpMethod.Post, "/api/v1/households", SimpleHousehold("320682001")))
            .ProblemAsync(HttpStatusCode.NotFound, "region.not-found");

        // A region that does not exist anywhere outside the subtree answers the same: nothing leaks.
        await (await Changzhou().SendJsonAsync(HttpMethod.Post, "/api/v1/households", SimpleHousehold("320682999")))
            .ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task ProvinceCaller_CanCreateGetAndListInItsCities()
    {
        var (created, _) = await CreateAsync(Jiangsu(), SimpleHousehold("320682100"));
        var id = (string)created["id"]!;
        var get = await Jiangsu().GetAsync(Url($"/api/v1/households/{id}"));
        Assert.That((string?)(await get.JsonAsync())["regionCode"], Is.EqualTo("320682100"));
        var list = await (await Jiangsu().GetAsync(Url("/api/v1/households?regionCode=320682"))).JsonAsync();
        Assert.That(list["items"]!.AsArray().Select(h => (string?)h!["id"]), Does.Contain(id));
        var rugao = await Rugao().GetAsync(Url($"/api/v1/households/{id}"));
        Assert.That(rugao.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await (await Factory.ClientWith("610000", "registry.read").GetAsync(Url($"/api/v1/households/{id}")))
            .ProblemAsync(HttpStatusCode.NotFound, "household.not-found");
    }

    [Test]
    public async Task ReplaceHousehold_MovingItOutOfCallersRegion_Returns404AndKeepsIt()
    {
        var (created, etag) = await CreateAsync(Rugao(), SimpleHousehold("320682001"));
        var body = created.DeepClone().AsObject();
        body["regionCode"] = "320402";
        await (await Rugao().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{created["id"]}", body, ifMatch: etag))
            .ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
        var after = await (await Rugao().GetAsync(Url($"/api/v1/households/{created["id"]}"))).JsonAsync();
        Assert.That((string?)after["regionCode"], Is.EqualTo("320682001"));
    }

    [Test]
    public async Task LookupHousehold_ByIdNumberInBody_FindsOnlyInCallersRegion()
    {
        var idNumber = NewIdNumber();
        var (created, _) = await CreateAsync(Rugao(), Household("320682001", Member(NewIdNumber()), Member(idNumber, "李四", "Child")));

        var found = await Rugao().PostJsonAsync("/api/v1/households/lookup", new { idNumber });
        Assert.That(found.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(found.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        var body = await found.JsonAsync();
        Assert.That((string?)body["id"], Is.EqualTo((string?)created["id"]));
        Assert.That((string?)body["members"]![1]!["idNumber"], Is.EqualTo(Masked(idNumber)));

        var elsewhere = await Changzhou().PostJsonAsync("/api/v1/households/lookup", new { idNumber });
        var problem = await elsewhere.ProblemAsync(HttpStatusCode.NotFound, "household.not-found");
        Assert.That(problem.ToJsonString(), Does.Not.Contain(idNumber));
        await (await Rugao().PostJsonAsync("/api/v1/households/lookup", new { idNumber = NewIdNumber() }))
            .ProblemAsync(HttpStatusCode.NotFound, "household.not-found");
        var invalid = await (await Rugao().PostJsonAsync("/api/v1/households/lookup", new { idNumber = "32068219500101001" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That((string?)invalid["errors"]!["idNumber"]![0], Does.Contain("18 characters"));
    }

    [Test]
    public async Task LookupHousehold_WithoutReadScope_Returns403()
    {
        var response = await Factory.ClientWith("320682", "registry.write").PostJsonAsync("/api/v1/households/lookup", new { idNumber = NewIdNumber() });
        await response.ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
