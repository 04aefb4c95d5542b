namespace Assistance.Api.Tests.Households;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using static Assistance.Api.Tests.Households.HouseholdTestData;

public sealed class HouseholdCreateTests : ApiTestBase
{
    private const string Registrar = "320682";

    private HttpClient Writer(bool pii = true) =>
        pii ? Factory.ClientWith(Registrar, "registry.read", "registry.write", "pii.read") : Factory.ClientWith(Registrar, "registry.read", "registry.write");

    [Test]
    public async Task CreateHousehold_WithEveryField_RoundTripsThroughGet()
    {
        var headId = NewIdNumber(male: true, birth: new DateOnly(1950, 3, 12));
        var spouseId = NewIdNumber(male: false, birth: new DateOnly(1953, 7, 1));
        var body = new JsonObject
        {
            ["regionCode"] = "320682001",
            ["residence"] = "Rural",
            ["address"] = "如皋市如城街道福寿路18号",
            ["members"] = new JsonArray(
                new JsonObject
                {
                    ["idNumber"] = headId,
                    ["name"] = "顾德华",
                    ["relationship"] = "Head",
                    ["birthDate"] = "1950-03-12",
                    ["sex"] = "Male",
                    ["status"] = "Present",
                    ["laborCapacity"] = "None",
                    ["disability"] = new JsonObject { ["category"] = "Physical", ["grade"] = 2 },
                    ["seriousIllness"] = true,
                    ["selfCare"] = "PartialCare",
                    ["inSchool"] = false,
                    ["employed"] = false,
                    ["hasCapableSupporter"] = false,
                    ["incomes"] = new JsonArray(
                        new JsonObject { ["type"] = "ResidentBasicPension", ["monthlyAmount"] = 150, ["unstable"] = false },
                        new JsonObject { ["type"] = "Wage", ["monthlyAmount"] = 1234.5, ["unstable"] = true }),
                },
                new JsonObject
                {
                    ["idNumber"] = spouseId,
                    ["name"] = "朱桂英",
                    ["relationship"] = "Spouse",
                    ["status"] = "Imprisoned",
                    ["laborCapacity"] = "Partial",
                    ["disability"] = null,
                    ["selfCare"] = "FullCare",
                    ["inSchool"] = true,
                    ["employed"] = true,
                    ["hasCapableSupporter"] = true,
                }),
            ["assets"] = new JsonObject { ["financial"] = 5000, ["motorVehicles"] = 1 },
            ["monthlyRigidExpenditure"] = 300.1,
        };

        var response = await Writer().SendJsonAsync(HttpMethod.Post, "/api/v1/households", body);
        var createdText = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), createdText);
        var created = JsonNode.Parse(createdText)!;
        var id = (string)created["id"]!;
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/households/{id}"));
            Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
            Assert.That(Guid.TryParse(id, out _), Is.True);
            Assert.That((string?)created["regionCode"], Is.EqualTo("320682001"));
            Assert.That((string?)created["residence"], Is.EqualTo("Rural"));
            Assert.That((string?)created["address"], Is.EqualTo("如皋市如城街道福寿路18号"));
            Assert.That((long?)created["version"], Is.EqualTo(1));
            Assert.That((string?)created["createdAt"], Is.EqualTo((string?)created["updatedAt"]));
            Assert.That(createdText, Does.Contain("\"financial\":5000.00,\"motorVehicles\":1"));
            Assert.That(createdText, Does.Contain("\"monthlyRigidExpenditure\":300.10"));
            Assert.That(createdText, Does.Contain("\"monthlyAmount\":150.00"));
            Assert.That(createdText, Does.Contain("\"monthlyAmount\":1234.50"));
        });

        var head = created["members"]![0]!;
        var spouse = created["members"]![1]!;
        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse((string?)head["id"], out _), Is.True);
            Assert.That((string?)head["idNumber"], Is.EqualTo(headId));
            Assert.That((string?)head["name"], Is.EqualTo("顾德华"));
            Assert.That((string?)head["relationship"], Is.EqualTo("Head"));
            Assert.That((string?)head["birthDate"], Is.EqualTo("1950-03-12"));
            Assert.That((string?)head["sex"], Is.EqualTo("Male"));
            Assert.That((string?)head["status"], Is.EqualTo("Present"));
            Assert.That((string?)head["laborCapacity"], Is.EqualTo("None"));
            Assert.That((string?)head["disability"]!["category"], Is.EqualTo("Physical"));
            Assert.That((int?)head["disability"]!["grade"], Is.EqualTo(2));
            Assert.That((bool?)head["seriousIllness"], Is.True);
            Assert.That((string?)head["selfCare"], Is.EqualTo("PartialCare"));
            Assert.That((string?)head["incomes"]![1]!["type"], Is.EqualTo("Wage"));
            Assert.That((bool?)head["incomes"]![1]!["unstable"], Is.True);
            Assert.That((string?)spouse["idNumber"], Is.EqualTo(spouseId));
            Assert.That((string?)spouse["birthDate"], Is.EqualTo("1953-07-01"));
            Assert.That((string?)spouse["sex"], Is.EqualTo("Female"));
            Assert.That((string?)spouse["status"], Is.EqualTo("Imprisoned"));
            Assert.That((string?)spouse["laborCapacity"], Is.EqualTo("Partial"));
            Assert.That(spouse["disability"], Is.Null);
            Assert.That((string?)spouse["selfCare"], Is.EqualTo("FullCare"));
            Assert.That((bool?)spouse["inSchool"], Is.True);
            Assert.That((bool?)spouse["employed"], Is.True);
            Assert.That((bool?)spouse["hasCapableSupporter"], Is.True);
            Assert.That(spouse["incomes"]!.AsArray(), Is.Empty);
        });

        var get = await Writer().GetAsync(Url($"/api/v1/households/{id}"));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(get.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        Assert.That(await get.Content.ReadAsStringAsync(), Is.EqualTo(createdText), "GET returns exactly what create returned");
    }

    [Test]
    public async Task CreateHousehold_WithOnlyRequiredMemberFields_AppliesDefaults()
    {
        var (created, _) = await CreateAsync(Writer(), Household("320682", Member(NewIdNumber(male: false), "陈秀梅", "Spouse")));
        var member = created["members"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)member["status"], Is.EqualTo("Present"));
            Assert.That((string?)member["laborCapacity"], Is.EqualTo("Full"));
            Assert.That((string?)member["selfCare"], Is.EqualTo("SelfCare"));
            Assert.That(member["disability"], Is.Null);
            Assert.That((bool?)member["seriousIllness"], Is.False);
            Assert.That((bool?)member["inSchool"], Is.False);
            Assert.That((bool?)member["employed"], Is.False);
            Assert.That((bool?)member["hasCapableSupporter"], Is.False);
            Assert.That(member["incomes"]!.AsArray(), Is.Empty);
            Assert.That((string?)member["sex"], Is.EqualTo("Female"));
            Assert.That(created["assets"]!.ToJsonString(), Is.EqualTo("{\"financial\":0.00,\"motorVehicles\":0}"));
            Assert.That(created["monthlyRigidExpenditure"]!.ToJsonString(), Is.EqualTo("0.00"));
        });
    }

    [Test]
    public async Task CreateHousehold_WithoutPiiRead_MasksIdNumbersInEveryResponse()
    {
        var idNumber = NewIdNumber();
        var client = Writer(pii: false);
        var (created, _) = await CreateAsync(client, Household("320682001", Member(idNumber)));
        var get = await (await client.GetAsync(Url($"/api/v1/households/{created["id"]}"))).Content.ReadAsStringAsync();
        var list = await (await client.GetAsync(Url("/api/v1/households?regionCode=320682001"))).Content.ReadAsStringAsync();
        var withPii = await Writer(pii: true).GetAsync(Url($"/api/v1/households/{created["id"]}"));
        Assert.Multiple(async () =>
        {
            Assert.That((string?)created["members"]![0]!["idNumber"], Is.EqualTo(Masked(idNumber)));
            Assert.That(Masked(idNumber), Does.Match("^320682\\*{8}[0-9]{3}[0-9X]$"));
            Assert.That(get, Does.Contain(Masked(idNumber)).And.Not.Contain(idNumber));
            Assert.That(list, Does.Contain(Masked(idNumber)).And.Not.Contain(idNumber));
            Assert.That((string?)(await withPii.JsonAsync())["members"]![0]!["idNumber"], Is.EqualTo(idNumber));
        });
    }

    [TestCase("32068219500101001", "must have 18 characters, not 17")]
    [TestCase("3206821950010100111", "must have 18 characters, not 19")]
    [TestCase("3206821950A1010011", "Character 11 ('A') must be a digit")]
    [TestCase("32068219501301001X", "Characters 7-14 ('19501301') are not a valid birth date")]
    [TestCase("32068219500230001X", "Characters 7-14 ('19500230') are not a valid birth date")]
    public async Task CreateHousehold_WithMalformedIdNumber_Returns400NamingMemberAndPosition(string idNumber, string expected)
    {
        var before = await CountAllAsync(Factory);
        var body = Household("320682001", Member(NewIdNumber()), Member(idNumber, "李四", "Child"));
        var problem = await (await Writer().SendJsonAsync(HttpMethod.Post, "/api/v1/households", body))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var messages = problem["errors"]!["members[1].idNumber"]!.AsArray().Select(m => (string?)m).ToList();
        Assert.That(messages, Has.Some.Contains(expected));
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHousehold_WithWrongCheckCharacter_Returns400NamingCharacter18()
    {
        var valid = NewIdNumber();
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var before = await CountAllAsync(Factory);
        var problem = await (await Writer().SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("320682001", Member(wrong))))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That((string?)problem["errors"]!["members[0].idNumber"]![0],
            Is.EqualTo($"Character 18 (check character '{wrong[17]}') is wrong: the checksum gives '{valid[17]}'."));
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHousehold_WithLowercaseX_AcceptsAndStoresUppercase()
    {
        var idNumber = NewIdNumberEndingInX();
        var (created, _) = await CreateAsync(Writer(), Household("320682001", Member(idNumber.ToLowerInvariant())));
        Assert.That((string?)created["members"]![0]!["idNumber"], Is.EqualTo(idNumber));
    }

    [Test]
    public async Task CreateHousehold_WithBirthDateDisagreeingWithId_Returns400NamingBirthDate()
    {
        var member = Member(NewIdNumber(birth: new DateOnly(1961, 5, 4)));
        member["birthDate"] = "1961-05-05";
        var before = await CountAllAsync(Factory);
        var problem = await (await Writer().SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("320682001", member)))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That((string?)problem["errors"]!["members[0].birthDate"]![0], Does.Contain("1961-05-05").And.Contain("1961-05-04"));
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHousehold_WithSexDisagreeingWithId_Returns400NamingSex()
    {
        var member = Member(NewIdNumber(male: true));
        member["sex"] = "Female";
        var problem = await (await Writer().SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("320682001", member)))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That((string?)problem["errors"]!["members[0].sex"]![0], Does.Contain("gives Male"));
    }

    [Test]
    public async Task CreateHousehold_WhenRulesBroken_Returns400NamingEachFieldAndWritesNothing()
    {
        var duplicate = NewIdNumber();
        var badDisability = Member(NewIdNumber(), "王五", "Child");
        badDisability["disability"] = new JsonObject { ["category"] = "Mental", ["grade"] = 5 };
        var negativeIncome = Member(NewIdNumber(), "赵六", "Parent");
        negativeIncome["incomes"] = new JsonArray(new JsonObject { ["type"] = "Wage", ["monthlyAmount"] = -0.01 });
        var tooManyIncomes = Member(NewIdNumber(), "钱七", "Other");
        tooManyIncomes["incomes"] = new JsonArray([.. Enumerable.Range(0, 21).Select(_ => (JsonNode)new JsonObject { ["type"] = "Transfer", ["monthlyAmount"] = 1 })]);
        var body = Household("320682001", Member(duplicate), Member(duplicate, "李四", "Head"), badDisability, negativeIncome, tooManyIncomes);
        body["monthlyRigidExpenditure"] = 10.001;

        var before = await CountAllAsync(Factory);
        var problem = await (await Writer().SendJsonAsync(HttpMethod.Post, "/api/v1/households", body))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var errors = problem["errors"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That((string?)errors["members[1].idNumber"]![0], Does.Contain("already given for members[0]").And.Contain(Masked(duplicate)));
            Assert.That(errors.ToJsonString(), Does.Not.Contain(duplicate), "no raw ID number in problems");
            Assert.That((string?)errors["members[1].relationship"]![0], Does.Contain("at most one member with relationship Head"));
            Assert.That((string?)errors["members[2].disability.grade"]![0], Does.Contain("1 to 4"));
            Assert.That((string?)errors["members[3].incomes[0].monthlyAmount"]![0], Does.Contain("cannot be negative"));
            Assert.That((string?)errors["members[4].incomes"]![0], Does.Contain("at most 20 income items"));
            Assert.That((string?)errors["monthlyRigidExpenditure"]![0], Does.Contain("two decimals"));
        });
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHousehold_With31Members_Returns400()
    {
        var body = Household("320682001", [.. Enumerable.Range(0, 31).Select(i => Member(NewIdNumber(), $"成员{i}", i == 0 ? "Head" : "Other"))]);
        var problem = await (await Writer().SendJsonAsync(HttpMethod.Post, "/api/v1/households", body))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That((string?)problem["errors"]!["members"]![0], Is.EqualTo("A household has 1 to 30 members."));
    }

    [Test]
    public async Task CreateHousehold_With30Members_Returns201()
    {
        var body = Household("320682001", [.. Enumerable.Range(0, 30).Select(i => Member(NewIdNumber(), $"成员{i}", i == 0 ? "Head" : "Other"))]);
        var (created, _) = await CreateAsync(Writer(), body);
        Assert.That(created["members"]!.AsArray(), Has.Count.EqualTo(30));
    }

    [Test]
    public async Task CreateHousehold_WithMissingRequiredFields_Returns400NamingThem()
    {
        var body = new JsonObject { ["members"] = new JsonArray(new JsonObject { ["name"] = "张三" }) };
        var problem = await (await Writer().SendJsonAsync(HttpMethod.Post, "/api/v1/households", body))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key),
            Is.SupersetOf(new[] { "regionCode", "residence", "address", "members[0].idNumber", "members[0].relationship" }));
    }

    [Test]
    public async Task CreateHousehold_InUnknownRegionOfOwnSubtree_Returns400NamingRegionCode()
    {
        var before = await CountAllAsync(Factory);
        var problem = await (await Writer().SendJsonAsync(HttpMethod.Post, "/api/v1/households", SimpleHousehold("320682999")))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That((string?)problem["errors"]!["regionCode"]![0], Does.Contain("320682999"));
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHousehold_WithoutWriteScope_Returns403()
    {
        var response = await Factory.ClientWith(Registrar, "registry.read").SendJsonAsync(HttpMethod.Post, "/api/v1/households", SimpleHousehold());
        await response.ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Test]
    public async Task GetHousehold_WhenUnknown_Returns404()
    {
        var response = await Writer().GetAsync(Url($"/api/v1/households/{Guid.CreateVersion7()}"));
        await response.ProblemAsync(HttpStatusCode.NotFound, "household.not-found");
    }
}
