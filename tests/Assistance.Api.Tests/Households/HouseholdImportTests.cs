namespace Assistance.Api.Tests.Households;

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Domain.Households;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>POST /api/v1/household-imports: NDJSON, all or nothing, errors by line number, R-22, region scope, idempotency.</summary>
public sealed class HouseholdImportTests : ApiTestBase
{
    private HttpClient Rugao() => Factory.ClientWith("320682", "registry.read", "registry.write", "pii.read");

    [Test]
    public async Task Import_ValidLines_WritesEveryHouseholdWithCountsOneAuditRowAndTheyReadBack()
    {
        var head = NewIdNumber();
        var spouse = NewIdNumber(male: false);
        var single = NewIdNumber();
        var first = Household("320682001", Member(head, "顾德华"), Member(spouse, "陈秀梅", "Spouse"));
        ((JsonObject)first["members"]![1]!)["incomes"] = new JsonArray(new JsonObject { ["type"] = "Wage", ["monthlyAmount"] = 1800.50m, ["unstable"] = true });
        first["assets"] = new JsonObject { ["financial"] = 3000.25m, ["motorVehicles"] = 1 };
        var second = Household("320682002", Member(single, "冒建国"));
        var before = await CountAllAsync(Factory);

        var response = await Rugao().SendAsync(Import(Ndjson(first, second)));
        var body = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That((int?)body["households"], Is.EqualTo(2));
            Assert.That((int?)body["members"], Is.EqualTo(3));
            Assert.That((int?)body["incomes"], Is.EqualTo(1));
            Assert.That((string?)body["contentSha256"], Has.Length.EqualTo(64));
        });
        Assert.That(await CountAllAsync(Factory), Is.EqualTo((before.Households + 2, before.Members + 3, before.Incomes + 1, before.Audit + 1)));

        var found = await (await Rugao().PostJsonAsync("/api/v1/households/lookup", new { idNumber = spouse })).JsonAsync();
        var read = await (await Rugao().GetAsync(Url($"/api/v1/households/{(string?)found["id"]}"))).JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That((string?)read["regionCode"], Is.EqualTo("320682001"));
            Assert.That((decimal?)read["assets"]!["financial"], Is.EqualTo(3000.25m));
            Assert.That((int?)read["assets"]!["motorVehicles"], Is.EqualTo(1));
            Assert.That(read["members"]!.AsArray().Select(m => (string?)m!["idNumber"]), Is.EqualTo(new[] { head, spouse }));
            Assert.That((string?)read["members"]![1]!["sex"], Is.EqualTo("Female"));
            Assert.That((decimal?)read["members"]![1]!["incomes"]![0]!["monthlyAmount"], Is.EqualTo(1800.50m));
            Assert.That((bool?)read["members"]![1]!["incomes"]![0]!["unstable"], Is.True);
            Assert.That((string?)read["createdAt"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Import_BadLines_Returns400NamingEachLineAndWritesNothing()
    {
        var good = Household("320682001", Member(NewIdNumber()));
        var bad = Household("320682001", Member(Flip(NewIdNumber())));
        var before = await CountAllAsync(Factory);

        var text = Ndjson(good, bad) + "{\"regionCode\": \"320682001\", \"residence\": \"Nowhere\"}\n\n" + Ndjson(good);
        var problem = await (await Rugao().SendAsync(Import(text))).ProblemAsync(HttpStatusCode.BadRequest, "import.invalid-lines");

        var lines = problem["lines"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(l => (int?)l!["line"]), Is.EqualTo(new int?[] { 2, 3, 5 }));
            Assert.That((string?)lines[0]!["field"], Is.EqualTo("members[0].idNumber"));
            Assert.That((string?)lines[1]!["code"], Is.EqualTo("request.malformed-json"));
            Assert.That((string?)lines[1]!["message"], Does.Contain("residence"));
            // Line 5 repeats line 1's household: R-22 within the file names the earlier line.
            Assert.That((string?)lines[2]!["code"], Is.EqualTo("household.member-in-other-household"));
            Assert.That((string?)lines[2]!["message"], Does.Contain("line 1").And.Contain("R-22"));
            Assert.That((bool?)problem["truncated"], Is.False);
        });
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task Import_IdNumberAlreadyInAnotherHousehold_Returns409NamingTheLineAndWritesNothing()
    {
        var taken = NewIdNumber();
        var (existing, _) = await CreateAsync(Rugao(), Household("320682002", Member(taken)));
        var before = await CountAllAsync(Factory);

        var body = Ndjson(Household("320682001", Member(NewIdNumber())), Household("320682001", Member(NewIdNumber()), Member(taken, "李四", "Spouse")));
        var problem = await (await Rugao().SendAsync(Import(body))).ProblemAsync(HttpStatusCode.Conflict, "import.id-number-conflicts");

        var lines = problem["lines"]!.AsArray();
        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That((int?)lines[0]!["line"], Is.EqualTo(2));
            Assert.That((string?)lines[0]!["code"], Is.EqualTo("household.member-in-other-household"));
            Assert.That((string?)lines[0]!["message"], Does.Contain((string?)existing["id"]).And.Contain("R-22"));
        });
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task Import_LineOutsideCallersRegion_Returns403ListingItAndWritesNothing()
    {
        var before = await CountAllAsync(Factory);
        var body = Ndjson(Household("320682001", Member(NewIdNumber())), Household("320402", Member(NewIdNumber("320402"))));

        var problem = await (await Rugao().SendAsync(Import(body))).ProblemAsync(HttpStatusCode.Forbidden, "import.out-of-scope");

        var lines = problem["lines"]!.AsArray();
        Assert.That(lines.Select(l => (int?)l!["line"]), Is.EqualTo(new int?[] { 2 }));
        Assert.That((string?)lines[0]!["field"], Is.EqualTo("regionCode"));
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task Import_RetriedWithSameKey_ReplaysTheResultAndImportsOnce_AndAnotherBodyIs422()
    {
        var body = Ndjson(Household("320682001", Member(NewIdNumber())), Household("320682002", Member(NewIdNumber())));
        var key = Guid.NewGuid().ToString();
        var before = await CountAllAsync(Factory);

        var first = await Rugao().SendAsync(Import(body, key));
        var second = await Rugao().SendAsync(Import(body, key));
        var firstText = await first.Content.ReadAsStringAsync();
        var secondText = await second.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), firstText);
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK), secondText);
            Assert.That(secondText, Is.EqualTo(firstText));
        });
        Assert.That(await CountAllAsync(Factory), Is.EqualTo((before.Households + 2, before.Members + 2, before.Incomes, before.Audit + 1)));

        var other = Ndjson(Household("320682001", Member(NewIdNumber())));
        await (await Rugao().SendAsync(Import(other, key))).ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key-reused");
        Assert.That(await CountAsync(Factory, "households"), Is.EqualTo(before.Households + 2));
    }

    [Test]
    public async Task Import_EveryField_ReadsBackAsTheSameHouseholdCreatedThroughPostHouseholds()
    {
        // The import stages its rows in its own binary encoding (money as fen); a household sent both ways must read
        // back identically apart from ids, ID numbers and timestamps.
        JsonObject Body(string head, string spouse, string child)
        {
            var household = Household("320682001",
                Member(head, "顾德华 😀"),
                Member(spouse, "陈秀梅", "Spouse"),
                Member(child, "  顾小明  ", "Child"));
            household["residence"] = "Rural";
            household["address"] = "  如皋市城南街道 1 号 «ß» 🏠  ";
            household["assets"] = new JsonObject { ["financial"] = 999_999_999_999.99m, ["motorVehicles"] = 1000 };
            household["monthlyRigidExpenditure"] = 0.01m;
            var members = household["members"]!.AsArray();
            members[0]!["status"] = "Present";
            members[0]!["laborCapacity"] = "Partial";
            members[0]!["disability"] = new JsonObject { ["category"] = "Intellectual", ["grade"] = 4 };
            members[0]!["seriousIllness"] = true;
            members[0]!["selfCare"] = "PartialCare";
            members[0]!["employed"] = true;
            members[0]!["hasCapableSupporter"] = true;
            members[0]!["incomes"] = new JsonArray(
                new JsonObject { ["type"] = "Wage", ["monthlyAmount"] = 9_999_999_999.99m, ["unstable"] = true },
                new JsonObject { ["type"] = "ResidentBasicPension", ["monthlyAmount"] = 0 },
                new JsonObject { ["type"] = "Property", ["monthlyAmount"] = 123.4m });
            members[1]!["laborCapacity"] = "None";
            members[1]!["sex"] = "Female";
            members[2]!["inSchool"] = true;
            members[2]!["incomes"] = new JsonArray(new JsonObject { ["type"] = "Transfer", ["monthlyAmount"] = 0.05m });
            return household;
        }

        static JsonNode Comparable(JsonNode household)
        {
            var copy = household.DeepClone().AsObject();
            foreach (var volatileField in new[] { "id", "version", "createdAt", "updatedAt" })
            {
                copy.Remove(volatileField);
            }

            foreach (var member in copy["members"]!.AsArray())
            {
                member!.AsObject().Remove("id");
                member.AsObject().Remove("idNumber");
                member.AsObject().Remove("birthDate");
            }

            return copy;
        }

        var created = (await CreateAsync(Rugao(), Body(NewIdNumber(), NewIdNumber(male: false), NewIdNumber()))).Body;
        var spouse = NewIdNumber(male: false);
        var response = await Rugao().SendAsync(Import(Ndjson(Body(NewIdNumber(), spouse, NewIdNumber()))));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var found = await (await Rugao().PostJsonAsync("/api/v1/households/lookup", new { idNumber = spouse })).JsonAsync();
        var imported = await (await Rugao().GetAsync(Url($"/api/v1/households/{(string?)found["id"]}"))).JsonAsync();
        var createdRead = await (await Rugao().GetAsync(Url($"/api/v1/households/{(string?)created["id"]}"))).JsonAsync();

        Assert.That(Comparable(imported).ToJsonString(), Is.EqualTo(Comparable(createdRead).ToJsonString()));
        Assert.That((string?)imported["members"]![1]!["birthDate"], Is.EqualTo(NationalId.Parse(spouse).BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.That((string?)imported["address"], Is.EqualTo("如皋市城南街道 1 号 «ß» 🏠"));
    }

    [Test]
    public async Task Import_AsJson_Returns415()
    {
        var request = Import(Ndjson(Household("320682001", Member(NewIdNumber()))));
        request.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        await (await Rugao().SendAsync(request)).ProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported-media-type");
    }

    private static string Ndjson(params JsonObject[] households) =>
        string.Concat(households.Select(h => h.ToJsonString() + "\n"));

    private static HttpRequestMessage Import(string ndjson, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/v1/household-imports"))
        {
            Content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    /// <summary>The same number with a wrong check character.</summary>
    private static string Flip(string idNumber) => idNumber[..17] + (idNumber[17] == '1' ? "2" : "1");
}
