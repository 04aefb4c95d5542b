namespace Assistance.Api.Tests.Hardening;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>
/// Issue 7, "authorization in one place": each test is the reported attack, and fails on the code before the fix
/// (a county replaced the national calendar; a replay handed another region's household and its unmasked ID number
/// to a second token; R-22 answered every region and nobody knew).
/// </summary>
public sealed class AuthorizationFindingTests : ApiTestBase
{
    [OneTimeSetUp]
    public async Task SeedReferenceDataAsync()
    {
        // The calendar is seeded at startup in production; the test host skips startup work.
        foreach (var seeder in Factory.Services.GetServices<Assistance.Infrastructure.Persistence.IStartupSeeder>().Where(s => !s.IsDemoData))
        {
            await seeder.SeedAsync(CancellationToken.None);
        }
    }

    private const int ConflictAnswersPerHour = 3;

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Registry:ForeignConflictAnswersPerHour"] = ConflictAnswersPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private HttpClient PolicyAdminOf(string region) => Factory.ClientWith(region, "policy.read", "policy.admin");

    private static JsonObject Year(string source, int year = 2095) => new()
    {
        ["source"] = source,
        ["holidays"] = new JsonArray(new JsonObject { ["date"] = $"{year}-01-01", ["name"] = "元旦" }),
        ["makeUpWorkingDays"] = new JsonArray(),
        ["reason"] = "attack",
    };

    [TestCase("320682")]
    [TestCase("320000")]
    public async Task CountyOrProvinceAdmin_CannotCreateOrReplaceTheNationalCalendar(string region)
    {
        var before2027 = await (await Admin().GetAsync(Url("/api/v1/calendar/2026"))).Content.ReadAsStringAsync();
        var get = await Admin().GetAsync(Url("/api/v1/calendar/2026"));
        Assert.That(get.Headers.ETag, Is.Not.Null, get.StatusCode + " " + string.Join(";", get.Headers.Select(h => h.Key + "=" + string.Join(",", h.Value))) + await get.Content.ReadAsStringAsync());
        var etag = get.Headers.ETag!.ToString();
        var rows = await CountAsync(Factory, "calendar_years");

        await (await PolicyAdminOf(region).SendJsonAsync(HttpMethod.Put, "/api/v1/calendar/2026", Year("伪造", 2026), ifMatch: etag))
            .ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await PolicyAdminOf(region).SendJsonAsync(HttpMethod.Put, "/api/v1/calendar/2095", Year("伪造"))).ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");

        Assert.That(await (await Admin().GetAsync(Url("/api/v1/calendar/2026"))).Content.ReadAsStringAsync(), Is.EqualTo(before2027));
        Assert.That(await CountAsync(Factory, "calendar_years"), Is.EqualTo(rows));
        await (await Admin().GetAsync(Url("/api/v1/calendar/2095"))).ProblemAsync(HttpStatusCode.NotFound, "calendar-year.not-found");
    }

    [Test]
    public async Task NationalAdmin_MayPublishAYear()
    {
        var response = await PolicyAdminOf("000000").SendJsonAsync(HttpMethod.Put, "/api/v1/calendar/2094", Year("国办发明电〔2093〕1号", 2094));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private static int parameterYear = 2040;

    private static JsonObject Parameter(string region)
    {
        var year = Interlocked.Increment(ref parameterYear);
        return new()
        {
            ["key"] = "dibao.standard.urban",
            ["regionCode"] = region,
            ["effectiveFrom"] = $"{year}-01-01",
            ["effectiveTo"] = $"{year + 1}-01-01",
            ["value"] = 1234.5,
            ["source"] = "测试文件 一.1",
        };
    }

    [TestCase("320682", "000000")]
    [TestCase("320682", "320000")]
    [TestCase("320682", "320400")]
    [TestCase("320000", "000000")]
    public async Task Admin_CannotWriteParametersOfANationalHigherOrSiblingRegion(string caller, string target)
    {
        var before = await CountAsync(Factory, "parameter_values");
        var response = await PolicyAdminOf(caller).PostJsonAsync("/api/v1/policy/parameters", Parameter(target));
        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await CountAsync(Factory, "parameter_values"), Is.EqualTo(before));
    }

    [TestCase("320682", "320682")]
    [TestCase("320000", "320682")]
    [TestCase("000000", "000000")]
    public async Task Admin_MayWriteParametersOfOwnRegionOrBelow(string caller, string target)
    {
        // Past authorization the value meets R-02 (the seeded values are open-ended, so an overlap is refused): either
        // answer shows the write was allowed to reach the rules, unlike the 403/404 above.
        var response = await PolicyAdminOf(caller).PostJsonAsync("/api/v1/policy/parameters", Parameter(target));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Created, HttpStatusCode.Conflict), text);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            Assert.That(text, Does.Contain("\"code\":\"parameter.overlap\""));
        }
    }

    [Test]
    public async Task IdempotentReplay_ToSameSubjectWithOtherRegionAndNoPii_DoesNotHandOverTheFirstResponse()
    {
        var idNumber = NewIdNumber();
        var body = Household("320682001", Member(idNumber));
        var key = Guid.NewGuid().ToString();
        var first = Factory.ClientAs("shared-sub", "320682", null, "registry.read", "registry.write", "pii.read");
        var (created, _) = await CreateAsync(first, body, key);
        Assert.That((string?)created["members"]![0]!["idNumber"], Is.EqualTo(idNumber));

        var attacker = Factory.ClientAs("shared-sub", "320400", null, "registry.read", "registry.write");
        var before = await CountAllAsync(Factory);
        var replay = await attacker.SendJsonAsync(HttpMethod.Post, "/api/v1/households", body, idempotencyKey: key);
        var text = await replay.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(replay.StatusCode, Is.Not.EqualTo(HttpStatusCode.Created), text);
            Assert.That((int)replay.StatusCode, Is.InRange(400, 499), text);
            Assert.That(text, Does.Not.Contain(idNumber));
            Assert.That(text, Does.Not.Contain((string)created["id"]!));
        });
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task IdempotentReplay_ToSameSubjectAndRegionWithoutPii_NeverShowsTheUnmaskedNumber()
    {
        var idNumber = NewIdNumber();
        var body = Household("320682001", Member(idNumber));
        body["address"] = $"如皋市 身份证 {idNumber} 号";
        var key = Guid.NewGuid().ToString();
        await CreateAsync(Factory.ClientAs("shared-sub-2", "320682", null, "registry.read", "registry.write", "pii.read"), body, key);

        var replay = await Factory.ClientAs("shared-sub-2", "320682", null, "registry.read", "registry.write")
            .SendJsonAsync(HttpMethod.Post, "/api/v1/households", body, idempotencyKey: key);
        var text = await replay.Content.ReadAsStringAsync();
        Assert.That(text, Does.Not.Contain(idNumber));
        Assert.That(text, Does.Contain(Masked(idNumber)));
    }

    private async Task<long> ConflictAuditRowsAsync() =>
        await CountWhereAsync("audit_events", "entity_type = 'IdNumberConflict'");

    private async Task<long> CountWhereAsync(string table, string where)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {table} WHERE {where}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task R22Answer_ToACallerOutsideTheHoldersRegion_HidesTheRegion_IsAuditedAndRateLimited()
    {
        var rugao = Factory.ClientWith("320682", "registry.read", "registry.write");
        var prober = Factory.ClientAs("prober", "340300", null, "registry.read", "registry.write");
        var ids = Enumerable.Range(0, ConflictAnswersPerHour + 1).Select(_ => NewIdNumber()).ToList();
        var holders = new List<string>();
        foreach (var id in ids)
        {
            var (holder, _) = await CreateAsync(rugao, Household("320682001", Member(id)));
            holders.Add((string)holder["id"]!);
        }

        var auditBefore = await ConflictAuditRowsAsync();
        for (var i = 0; i < ConflictAnswersPerHour; i++)
        {
            var before = await CountAsync(Factory, "households");
            var response = await prober.SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("340302", Member(NewIdNumber("340302"), relationship: "Head"), Member(ids[i], "李四", "Spouse")));
            var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "household.member-in-other-household");
            var text = problem.ToJsonString().Replace(Masked(ids[i]), "<the number the caller typed>", StringComparison.Ordinal);
            Assert.Multiple(() =>
            {
                Assert.That(text, Does.Not.Contain("320682").And.Not.Contain("如皋").And.Not.Contain(holders[i]));
                Assert.That(text, Does.Not.Contain("another region"));
                Assert.That(problem.ToJsonString(), Does.Contain(Masked(ids[i])));
            });
            Assert.That(await CountAsync(Factory, "households"), Is.EqualTo(before), "the refused household is not written");
        }

        var limited = await prober.SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("340302", Member(ids[^1])));
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests, "registry.conflict-answers-exhausted");
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);

        // Two rows per answer (the caller's region and the holder's), the refused one included.
        Assert.That(await ConflictAuditRowsAsync(), Is.EqualTo(auditBefore + (2 * (ConflictAnswersPerHour + 1))));
        Assert.That(await CountWhereAsync("audit_events", "entity_type = 'IdNumberConflict' AND actor = 'prober' AND region_code LIKE '320682%'"),
            Is.EqualTo(ConflictAnswersPerHour + 1), "the holder's region sees who asked");

        // Another caller has its own budget; a caller inside the holder's region still gets the household named.
        var sameRegion = await rugao.SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("320682002", Member(ids[0])));
        var named = await sameRegion.ProblemAsync(HttpStatusCode.Conflict, "household.member-in-other-household");
        Assert.That((string?)named["detail"], Does.Contain(holders[0]));
    }

    [Test]
    public async Task IdNumbersTypedIntoFreeText_AreMaskedForCallersWithoutPiiRead_InResponsesAndAudit()
    {
        var idNumber = NewIdNumber();
        var writer = Factory.ClientWith("320682", "registry.read", "registry.write", "pii.read");
        var body = Household("320682001", Member(NewIdNumber()));
        body["address"] = $"如皋市 (联系人身份证{idNumber})";
        var (created, _) = await CreateAsync(writer, body);
        var url = Url($"/api/v1/households/{created["id"]}");

        var plain = await (await Factory.ClientWith("320682", "registry.read").GetAsync(url)).Content.ReadAsStringAsync();
        var withPii = await (await Factory.ClientWith("320682", "registry.read", "pii.read").GetAsync(url)).Content.ReadAsStringAsync();
        var audit = await (await Factory.ClientWith("320682", "audit.read").GetAsync(Url($"/api/v1/audit-events?entityType=Household&entityId={created["id"]}"))).Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(plain, Does.Not.Contain(idNumber).And.Contain(Masked(idNumber)));
            Assert.That(withPii, Does.Contain(idNumber));
            Assert.That(audit, Does.Contain("Created").And.Not.Contain(idNumber).And.Contain(Masked(idNumber)));
        });
    }
}
