namespace Assistance.Api.Tests.Policy;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Npgsql;

public sealed class AssessmentApiTests : ApiTestBase
{
    private const string ApiMdExample = """
        {
          "regionCode": "320682",
          "asOf": "2022-10-01",
          "residence": "Urban",
          "members": [
            {
              "idNumber": "320682195001010011",
              "birthDate": "1950-01-01",
              "status": "Present",
              "laborCapacity": "None",
              "disability": { "category": "Physical", "grade": 2 },
              "seriousIllness": false,
              "selfCare": "PartialCare",
              "inSchool": false,
              "employed": false,
              "hasCapableSupporter": false,
              "incomes": [ { "type": "ResidentBasicPension", "monthlyAmount": 150.00, "unstable": false } ]
            }
          ],
          "assets": { "financial": 5000.00, "motorVehicles": 0 },
          "monthlyRigidExpenditure": 0.00,
          "parameterOverrides": { "dibao.standard.urban": 900.00, "tekun.care.amount.partialCare": 130.00 }
        }
        """;

    private HttpClient Caller() => Factory.ClientWith("320682", "policy.read", "registry.read");

    private static JsonNode Example() => JsonNode.Parse(ApiMdExample)!;

    private async Task<HttpResponseMessage> AssessAsync(JsonNode body) =>
        await Caller().SendJsonAsync(HttpMethod.Post, "/api/v1/assessments", body);

    [Test]
    public async Task Assess_ApiMdExample_ReturnsTheExampleNumbers()
    {
        var response = await AssessAsync(Example());
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var body = JsonNode.Parse(text)!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)body["regionCode"], Is.EqualTo("320682"));
            Assert.That((string?)body["asOf"], Is.EqualTo("2022-10-01"));
            Assert.That((string?)body["outcome"], Is.EqualTo("Tekun"));
            Assert.That(body["monthlyAmount"]!.ToJsonString(), Is.EqualTo("1300.00"));
            Assert.That(body["dibaoClass"], Is.Null);
            Assert.That(body["stability"], Is.Null);
            Assert.That((int?)body["reviewIntervalMonths"], Is.EqualTo(12));
            var member = body["members"]![0]!;
            Assert.That((int?)member["index"], Is.EqualTo(0));
            Assert.That((string?)member["outcome"], Is.EqualTo("Tekun"));
            Assert.That(member["monthlyAmount"]!.ToJsonString(), Is.EqualTo("1300.00"));
            Assert.That((bool?)member["counted"], Is.True);
            Assert.That(member["tekunBasic"]!.ToJsonString(), Is.EqualTo("1170.00"));
            Assert.That(member["tekunCare"]!.ToJsonString(), Is.EqualTo("130.00"));
        });

        var r12 = body["trace"]!.AsArray().First(t => (string?)t!["rule"] == "R-12")!;
        Assert.That((string?)r12["source"], Does.Contain("S1 一.1"));
        var standard = r12["parameters"]!.AsArray().First(p => (string?)p!["key"] == "dibao.standard.urban")!;
        Assert.That((string?)standard["regionCode"], Is.EqualTo("override"));
        Assert.That((string?)standard["source"], Is.EqualTo("parameterOverrides"));
        Assert.That(standard["value"]!.ToJsonString(), Is.EqualTo("900.00"));
        Assert.That(standard["effectiveFrom"], Is.Null);
    }

    /// <summary>
    /// The plain body is read by the fast reader; a byte order mark is skipped as the framework's reader skips it, and a
    /// body in another spelling goes to the serializer (issue 14). All three are the same request and get the same answer.
    /// </summary>
    [Test]
    public async Task Assess_TheSameBodyWithAByteOrderMarkOrInAnotherSpelling_GetsTheSameAnswer()
    {
        async Task<string> PostAsync(byte[] bytes)
        {
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var response = await Caller().PostAsync(new Uri("/api/v1/assessments", UriKind.Relative), content);
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            return text;
        }

        var plain = System.Text.Encoding.UTF8.GetBytes(Example().ToJsonString());
        var expected = await PostAsync(plain);
        Assert.That(expected, Does.Contain("\"outcome\":\"Tekun\""));
        Assert.That(await PostAsync([0xEF, 0xBB, 0xBF, .. plain]), Is.EqualTo(expected));
        var otherSpelling = Example().ToJsonString().Replace("\"regionCode\"", "\"RegionCode\"", StringComparison.Ordinal)
            .Replace("\"Urban\"", "\"urban\"", StringComparison.Ordinal);
        Assert.That(await PostAsync(System.Text.Encoding.UTF8.GetBytes(otherSpelling)), Is.EqualTo(expected));
    }

    [Test]
    public async Task Assess_Trace_NamesRuleIdsSourcesAndWhereEachStoredValueCameFrom()
    {
        var body = await (await AssessAsync(Example())).JsonAsync();
        var trace = body["trace"]!.AsArray();
        Assert.That(trace.Select(t => (string?)t!["rule"]), Is.All.Match(@"^R-\d\d$"));
        Assert.That(trace.Select(t => (string?)t!["source"]), Is.All.Not.Empty);
        var parameters = trace.SelectMany(t => t!["parameters"]!.AsArray()).ToList();
        var elderly = parameters.First(p => (string?)p!["key"] == "tekun.elderlyAge")!;
        Assert.That((string?)elderly["regionCode"], Is.EqualTo("000000"), "the national baseline applies in 320682");
        Assert.That((string?)elderly["source"], Does.Contain("N-43"));
        Assert.That((int?)elderly["value"], Is.EqualTo(60));
        Assert.That((string?)elderly["effectiveFrom"], Is.EqualTo("2019-01-01"));
    }

    [Test]
    public async Task Assess_WithoutOverrides_UsesTheStoredStandard()
    {
        var body = Example();
        body["parameterOverrides"] = null;
        body["members"]![0]!["disability"] = null;
        body["members"]![0]!["laborCapacity"] = "Full";
        body["members"]![0]!["birthDate"] = null;
        body["members"]![0]!["idNumber"] = null;
        body["members"]![0]!["birthDate"] = "1980-05-05";
        body["members"]![0]!["incomes"] = new JsonArray();
        var result = await (await AssessAsync(body)).JsonAsync();
        Assert.That((string?)result["outcome"], Is.EqualTo("Dibao"));
        var standard = result["trace"]!.AsArray().SelectMany(t => t!["parameters"]!.AsArray()).First(p => (string?)p!["key"] == "dibao.standard.urban")!;
        Assert.That((string?)standard["regionCode"], Is.EqualTo("320682"));
        Assert.That(result["monthlyAmount"]!.ToJsonString(), Is.EqualTo(standard["value"]!.ToJsonString()), "no income: dibao pays the whole standard for one person");
        Assert.That(result["members"]![0]!["monthlyAmount"], Is.Null, "a dibao member's amount is carried by the household");
    }

    [TestCase("residence", "\"Town\"", "residence")]
    [TestCase("asOf", "\"2022-13-01\"", "asOf")]
    [TestCase("monthlyRigidExpenditure", "\"lots\"", "monthlyRigidExpenditure")]
    public async Task Assess_MalformedField_Returns400NamingIt(string field, string rawValue, string expectedPath)
    {
        var body = Example();
        body[field] = JsonNode.Parse(rawValue);
        var problem = await (await AssessAsync(body)).ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(expectedPath));
    }

    [Test]
    public async Task Assess_UnknownMemberStatus_Returns400NamingIt()
    {
        var body = Example();
        body["members"]![0]!["status"] = "Abroad";
        var problem = await (await AssessAsync(body)).ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("members[0].status"));
    }

    [Test]
    public async Task Assess_BirthDateDisagreeingWithId_Returns400NamingMember()
    {
        var body = Example();
        body["members"]![0]!["birthDate"] = "1950-01-02";
        var problem = await (await AssessAsync(body)).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key).Single(), Does.StartWith("members[0]"));
    }

    [Test]
    public async Task Assess_BirthDateAfterAsOf_Returns400()
    {
        var body = Example();
        body["members"]![0]!["idNumber"] = null;
        body["members"]![0]!["birthDate"] = "2023-01-01";
        var problem = await (await AssessAsync(body)).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key).Single(), Is.EqualTo("members[0].birthDate"));
    }

    [Test]
    public async Task Assess_NegativeIncome_Returns400()
    {
        var body = Example();
        body["members"]![0]!["incomes"]![0]!["monthlyAmount"] = -1;
        var problem = await (await AssessAsync(body)).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key).Single(), Does.StartWith("members[0].incomes[0]"));
    }

    [Test]
    public async Task Assess_WrongIdCheckCharacter_Returns400NamingPosition()
    {
        var body = Example();
        body["members"]![0]!["idNumber"] = "320682195001010012";
        var problem = await (await AssessAsync(body)).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That((string?)problem["detail"], Does.Contain("Character 18"));
    }

    [Test]
    public async Task Assess_UnknownOverrideKey_Returns400NamingTheOverridesWithoutRepeatingTheKey()
    {
        var body = Example();
        body["parameterOverrides"]!["dibao.standard.moon"] = 1;
        var problem = await (await AssessAsync(body)).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!["parameterOverrides"], Is.Not.Null);
        Assert.That(problem.ToJsonString(), Does.Not.Contain("moon"));
    }

    [Test]
    public async Task Assess_OverrideOfWrongType_Returns400NamingIt()
    {
        var body = Example();
        body["parameterOverrides"]!["dibao.standard.urban"] = "nine hundred";
        var problem = await (await AssessAsync(body)).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!["parameterOverrides.dibao.standard.urban"], Is.Not.Null);
    }

    [Test]
    public async Task Assess_RegionNotInRegister_Returns400NamingRegionCode()
    {
        var body = Example();
        body["regionCode"] = "110101";
        var problem = await (await AssessAsync(body)).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!["regionCode"], Is.Not.Null);
    }

    [Test]
    public async Task Assess_StandardUnsetByOverride_Returns422NamingTheParameter()
    {
        var body = Example();
        body["parameterOverrides"] = new JsonObject { ["dibao.standard.urban"] = null };
        var problem = await (await AssessAsync(body)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "policy.parameter-not-in-force");
        Assert.That((string?)problem["detail"], Does.Contain("dibao.standard.urban"));
    }

    [Test]
    public async Task Assess_NoMembers_Returns400()
    {
        var body = Example();
        body["members"] = new JsonArray();
        var problem = await (await AssessAsync(body)).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!["members"], Is.Not.Null);
    }

    [Test]
    public async Task Assess_WithoutPolicyRead_Returns403()
    {
        var response = await Factory.ClientWith("320682", "registry.read").SendJsonAsync(HttpMethod.Post, "/api/v1/assessments", Example());
        await response.ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Test]
    public async Task AssessStoredHousehold_UsesTheStoredSnapshot_AndHidesOtherRegions()
    {
        var id = Guid.NewGuid();
        await using (var dataSource = NpgsqlDataSource.Create(Factory.ConnectionString))
        {
            await using var command = dataSource.CreateCommand($"""
                INSERT INTO households (id, region_code, residence, address, financial_assets, motor_vehicles, monthly_rigid_expenditure, created_at, updated_at)
                VALUES ('{id}', '320682001', 'Urban', '如城街道 1 号', 5000, 0, 0, now(), now());
                INSERT INTO household_members (id, household_id, region_code, position, id_number, name, relationship, birth_date, sex, status, labor_capacity,
                    disability_category, disability_grade, serious_illness, self_care, in_school, employed, has_capable_supporter)
                VALUES ('{Guid.NewGuid()}', '{id}', '320682001', 0, '320682195001010011', '张三', 'Head', '1950-01-01', 'Male', 'Present', 'None',
                    'Physical', 2, false, 'PartialCare', false, false, false);
                """);
            await command.ExecuteNonQueryAsync();
        }

        var stored = await Caller().SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{id}/assessments",
            new JsonObject { ["asOf"] = "2022-10-01", ["parameterOverrides"] = Example()["parameterOverrides"]!.DeepClone() });
        var storedBody = await stored.JsonAsync();
        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.OK), storedBody.ToJsonString());
        Assert.That((string?)storedBody["outcome"], Is.EqualTo("Tekun"));
        Assert.That((string?)storedBody["regionCode"], Is.EqualTo("320682001"));

        // Same person, no pension income: the snapshot equals the api.md example minus the excluded pension,
        // so the amounts agree (pension is excluded for tekun in any case).
        Assert.That(storedBody["monthlyAmount"]!.ToJsonString(), Is.EqualTo("1300.00"));

        var outsider = await Factory.ClientWith("320400", "policy.read", "registry.read")
            .SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{id}/assessments", new JsonObject { ["asOf"] = "2022-10-01" });
        await outsider.ProblemAsync(HttpStatusCode.NotFound, "household.not-found");

        var unknown = await Caller().SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{Guid.NewGuid()}/assessments", new JsonObject { ["asOf"] = "2022-10-01" });
        await unknown.ProblemAsync(HttpStatusCode.NotFound, "household.not-found");
    }
}
