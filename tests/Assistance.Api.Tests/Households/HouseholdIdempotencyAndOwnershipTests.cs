namespace Assistance.Api.Tests.Households;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Npgsql;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>Idempotency-Key on create, and R-22: one ID number in one household at a time, also under concurrency.</summary>
public sealed class HouseholdIdempotencyAndOwnershipTests : ApiTestBase
{
    private HttpClient Rugao() => Factory.ClientWith("320682", "registry.read", "registry.write");

    private HttpClient Changzhou() => Factory.ClientWith("320400", "registry.read", "registry.write");

    [Test]
    public async Task CreateHousehold_RetriedWithSameKeyAndBody_ReplaysSame201AndCreatesOneRow()
    {
        var body = SimpleHousehold("320682002");
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync(Factory, "households");
        var first = await Rugao().SendJsonAsync(HttpMethod.Post, "/api/v1/households", body, idempotencyKey: key);
        var second = await Rugao().SendJsonAsync(HttpMethod.Post, "/api/v1/households", body, idempotencyKey: key);
        var firstText = await first.Content.ReadAsStringAsync();
        var secondText = await second.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), firstText);
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created), secondText);
            Assert.That(secondText, Is.EqualTo(firstText));
            Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(second.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        });
        Assert.That(await CountAsync(Factory, "households"), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task CreateHousehold_SameKeyDifferentBody_Returns422AndWritesNothing()
    {
        var key = Guid.NewGuid().ToString();
        await CreateAsync(Rugao(), SimpleHousehold("320682002"), key);
        var before = await CountAllAsync(Factory);
        await (await Rugao().SendJsonAsync(HttpMethod.Post, "/api/v1/households", SimpleHousehold("320682002"), idempotencyKey: key))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key-reused");
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHousehold_SameKeyFromAnotherCaller_IsIndependent()
    {
        var key = Guid.NewGuid().ToString();
        var (mine, _) = await CreateAsync(Rugao(), SimpleHousehold("320682002"), key);
        var (theirs, _) = await CreateAsync(Factory.ClientAs("other-clerk", "320682", null, "registry.write"), SimpleHousehold("320682002"), key);
        Assert.That((string?)theirs["id"], Is.Not.EqualTo((string?)mine["id"]));
    }

    [Test]
    public async Task CreateHousehold_TwoConcurrentRequestsWithSameKey_CreateExactlyOneHousehold()
    {
        var body = SimpleHousehold("320682002");
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync(Factory, "households");
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Rugao().SendJsonAsync(HttpMethod.Post, "/api/v1/households", body, idempotencyKey: key)));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.That(created, Is.Not.Empty);
        foreach (var other in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await other.ProblemAsync(HttpStatusCode.Conflict, "idempotency.in-progress");
        }

        var ids = new HashSet<string?>();
        foreach (var response in created)
        {
            ids.Add((string?)(await response.JsonAsync())["id"]);
        }

        Assert.That(ids, Has.Count.EqualTo(1), "a replay carries the same id");
        Assert.That(await CountAsync(Factory, "households"), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task CreateHousehold_WithIdNumberHeldInCallersRegion_Returns409NamingThatHousehold()
    {
        var idNumber = NewIdNumber();
        var (holder, _) = await CreateAsync(Rugao(), Household("320682001", Member(idNumber)));
        var before = await CountAllAsync(Factory);
        var problem = await (await Rugao().SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("320682002", Member(NewIdNumber()), Member(idNumber, "李四", "Child"))))
            .ProblemAsync(HttpStatusCode.Conflict, "household.member-in-other-household");
        var detail = (string?)problem["detail"];
        Assert.Multiple(() =>
        {
            Assert.That(detail, Does.Contain(Masked(idNumber)));
            Assert.That(detail, Does.Contain((string?)holder["id"]));
            Assert.That(detail, Does.Contain("R-22"));
            Assert.That(problem.ToJsonString(), Does.Not.Contain(idNumber));
        });
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHousehold_WithIdNumberHeldInAnotherRegion_Returns409WithoutIdentifyingIt()
    {
        var idNumber = NewIdNumber();
        var (holder, _) = await CreateAsync(Rugao(), Household("320682001", Member(idNumber)));
        var problem = await (await Changzhou().SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("320402", Member(idNumber))))
            .ProblemAsync(HttpStatusCode.Conflict, "household.member-in-other-household");
        var text = problem.ToJsonString();
        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["detail"], Does.Contain(Masked(idNumber)).And.Contain("outside your area"));
            Assert.That(text, Does.Not.Contain((string?)holder["id"]));
            Assert.That(text, Does.Not.Contain("320682001"));
            Assert.That(text, Does.Not.Contain(idNumber));
        });
    }

    [Test]
    public async Task AddAndReplace_WithIdNumberHeldElsewhere_Return409AndChangeNothing()
    {
        var idNumber = NewIdNumber();
        await CreateAsync(Rugao(), Household("320682001", Member(idNumber)));
        var (target, etag) = await CreateAsync(Rugao(), SimpleHousehold("320682002"));
        var id = (string)target["id"]!;
        await (await Rugao().SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{id}/members", Member(idNumber, "李四", "Child"), ifMatch: etag))
            .ProblemAsync(HttpStatusCode.Conflict, "household.member-in-other-household");

        var body = target.DeepClone().AsObject();
        body["members"]!.AsArray().Add(Member(idNumber, "李四", "Child"));
        await (await Rugao().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{id}", body, ifMatch: etag))
            .ProblemAsync(HttpStatusCode.Conflict, "household.member-in-other-household");
        var after = await (await Rugao().GetAsync(Url($"/api/v1/households/{id}"))).JsonAsync();
        Assert.That((long?)after["version"], Is.EqualTo(1));
        Assert.That(after["members"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task MovingAPersonBetweenHouseholds_AfterRemovalThere_Succeeds()
    {
        var idNumber = NewIdNumber();
        var (first, firstTag) = await CreateAsync(Rugao(), Household("320682001", Member(NewIdNumber()), Member(idNumber, "李四", "Child")));
        var (second, secondTag) = await CreateAsync(Rugao(), SimpleHousehold("320682002"));
        var removed = await Rugao().SendJsonAsync(HttpMethod.Delete, $"/api/v1/households/{first["id"]}/members/{first["members"]![1]!["id"]}", null, ifMatch: firstTag);
        Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var added = await Rugao().SendJsonAsync(HttpMethod.Post, $"/api/v1/households/{second["id"]}/members", Member(idNumber, "李四", "Child"), ifMatch: secondTag);
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.OK), await added.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task CreateHousehold_TwoConcurrentCreatesWithSameIdNumber_ExactlyOneSucceeds()
    {
        for (var round = 0; round < 5; round++)
        {
            var idNumber = NewIdNumber();
            var before = await CountAsync(Factory, "households");
            var responses = await Task.WhenAll(
                Rugao().SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("320682001", Member(idNumber, "甲"))),
                Rugao().SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("320682002", Member(idNumber, "乙"))));
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1), $"round {round}");
            var loser = responses.Single(r => r.StatusCode != HttpStatusCode.Created);
            var problem = await loser.ProblemAsync(HttpStatusCode.Conflict, "household.member-in-other-household");
            Assert.That((string?)problem["detail"], Does.Contain(Masked(idNumber)));
            Assert.That(await CountAsync(Factory, "households"), Is.EqualTo(before + 1));
        }
    }

    [Test]
    public async Task CreateHousehold_WhenAnotherTransactionCommitsTheIdNumberFirst_Returns409FromTheUniqueIndex()
    {
        // Deterministic race: another transaction holds the ID number uncommitted, so the API's code check passes and its
        // insert waits on ux_household_members_id_number; when the other commits, the unique violation must become the
        // same 409 (naming the household, which lies in the caller's region), not a 500.
        var idNumber = NewIdNumber(birth: new DateOnly(1966, 6, 6));
        var otherHousehold = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO households (id, region_code, residence, address, created_at, updated_at)
            VALUES (@household, '320682001', 'Urban', '并发测试', now(), now());
            INSERT INTO household_members (id, household_id, region_code, position, id_number, name, relationship, birth_date, sex,
                                           status, labor_capacity, self_care)
            VALUES (@member, @household, '320682001', 0, @idNumber, '并发', 'Head', '1966-06-06', 'Male', 'Present', 'Full', 'SelfCare');
            """,
            connection,
            transaction))
        {
            insert.Parameters.AddWithValue("household", otherHousehold);
            insert.Parameters.AddWithValue("member", Guid.CreateVersion7());
            insert.Parameters.AddWithValue("idNumber", idNumber);
            await insert.ExecuteNonQueryAsync();
        }

        var pending = Rugao().SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("320682002", Member(idNumber)));
        await WaitForLockWaitAsync();
        await transaction.CommitAsync();

        var problem = await (await pending).ProblemAsync(HttpStatusCode.Conflict, "household.member-in-other-household");
        Assert.That((string?)problem["detail"], Does.Contain(Masked(idNumber)).And.Contain(otherHousehold.ToString()));
        Assert.That(await CountAsync(Factory, "households"), Is.EqualTo(await CountHouseholdsHoldingAsync()));
    }

    private async Task<long> CountHouseholdsHoldingAsync()
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(DISTINCT household_id) FROM household_members", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits (by condition, bounded) until a session of this database waits on a lock.</summary>
    private async Task WaitForLockWaitAsync()
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            if ((long)(await command.ExecuteScalarAsync(timeout.Token))! > 0)
            {
                return;
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    [Test]
    public async Task ReplaceHousehold_TwoConcurrentWritersWithSameETag_OneWinsOneGets412()
    {
        var (created, etag) = await CreateAsync(Rugao(), SimpleHousehold("320682001"));
        var url = $"/api/v1/households/{created["id"]}";
        var a = created.DeepClone().AsObject();
        a["address"] = "A";
        var b = created.DeepClone().AsObject();
        b["address"] = "B";
        var responses = await Task.WhenAll(
            Rugao().SendJsonAsync(HttpMethod.Put, url, a, ifMatch: etag),
            Rugao().SendJsonAsync(HttpMethod.Put, url, b, ifMatch: etag));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        await responses.Single(r => r.StatusCode != HttpStatusCode.OK).ProblemAsync(HttpStatusCode.PreconditionFailed, "household.version-mismatch");
        var stored = await (await Rugao().GetAsync(Url(url))).JsonAsync();
        Assert.That((long?)stored["version"], Is.EqualTo(2));
    }
}
