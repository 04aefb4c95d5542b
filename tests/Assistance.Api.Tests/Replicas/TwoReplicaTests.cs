namespace Assistance.Api.Tests.Replicas;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

/// <summary>
/// Two API hosts on one database, as two replicas behind a load balancer: the parameter cache of one follows a change
/// made through the other (LISTEN/NOTIFY, resynchronised after a lost connection), an Idempotency-Key sent to both
/// creates one resource, and migrations run once when both start together.
/// </summary>
public sealed class TwoReplicaTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private ApiFactory first = null!;
    private ApiFactory second = null!;

    [OneTimeSetUp]
    public async Task StartTwoReplicasAsync()
    {
        var database = await TestDatabase.CreateAsync();
        first = new ApiFactory(database);
        second = new ApiFactory(database);
        _ = first.Server;
        _ = second.Server;
        await ListeningAsync(first);
        await ListeningAsync(second);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    [Test]
    public async Task ParameterChangedThroughOneReplica_IsUsedByTheOtherOnItsNextRequest()
    {
        var before = await CareAmountAsync(second, "320402");
        Assert.That(before.RegionCode, Is.EqualTo("320400"), "the city's value, cached by the second replica now");
        Assert.That(await CareAmountAsync(second, "320402"), Is.EqualTo(before), "served from the cache");
        var cache = second.Services.GetRequiredService<PolicyCache>();
        var invalidated = cache.NextInvalidation;

        var created = await Admin(first).PostJsonAsync("/api/v1/policy/parameters", NewValue("320402", "2030-01-01", 777.77m));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), (await created.JsonAsync()).ToJsonString());

        // The notification reaches the other replica after the commit; wait for it, not for a fixed time.
        await invalidated.WaitAsync(Patience);
        var after = await CareAmountAsync(second, "320402");
        Assert.That(after, Is.EqualTo(("320402", 777.77m)));
    }

    [Test]
    public async Task ListenerConnectionLost_ReconnectsAndResynchronises_ChangesStillSeen()
    {
        var cache = second.Services.GetRequiredService<PolicyCache>();
        _ = await CareAmountAsync(second, "340302");
        var generation = cache.Generation;
        await TerminateListenersAsync();

        // Lost (revision check per request) and then listening again, each moving the generation.
        while (!(cache.IsListening && cache.Generation >= generation + 2))
        {
            await cache.NextInvalidation.WaitAsync(Patience);
        }

        var invalidated = cache.NextInvalidation;
        var created = await Admin(first).PostJsonAsync("/api/v1/policy/parameters", NewValue("340302", "2030-01-01", 555.55m));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), (await created.JsonAsync()).ToJsonString());
        await invalidated.WaitAsync(Patience);
        Assert.That(await CareAmountAsync(second, "340302"), Is.EqualTo(("340302", 555.55m)));
    }

    [Test]
    public async Task SameIdempotencyKeySentToBothReplicas_CreatesOneValue()
    {
        var body = NewValue("469001", "2031-01-01", 321m);
        var responses = await Task.WhenAll(
            Admin(first).PostJsonAsync("/api/v1/policy/parameters", body, idempotencyKey: "replica-key-1"),
            Admin(second).PostJsonAsync("/api/v1/policy/parameters", body, idempotencyKey: "replica-key-1"));
        var ids = new List<string?>();
        var replicas = new[] { first, second };
        for (var i = 0; i < responses.Length; i++)
        {
            var response = responses[i];
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                // Both arrived together: the later one is told the key is in progress; its retry is a replay.
                await response.ProblemAsync(HttpStatusCode.Conflict, "idempotency.in-progress");
                response = await Admin(replicas[i]).PostJsonAsync("/api/v1/policy/parameters", body, idempotencyKey: "replica-key-1");
            }

            var json = await response.JsonAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json.ToJsonString());
            ids.Add((string?)json["value"]!["id"]);
        }

        Assert.That(ids[0], Is.Not.Null.And.EqualTo(ids[1]), "one value: the other replica's answer replays it");
        await using var dataSource = NpgsqlDataSource.Create(first.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM parameter_values WHERE region_code = '469001' AND key = 'tekun.care.amount.partialCare'");
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(1L));
    }

    [Test]
    public async Task TwoReplicasStartingOnAnEmptyDatabase_ApplyEachMigrationOnce()
    {
        var database = await TestDatabase.CreateEmptyAsync();
        var settings = new Dictionary<string, string?> { ["Database:ApplyMigrationsOnStartup"] = "true" };
        await using var a = new ApiFactory(database, settings);
        await using var b = new ApiFactory(database, settings);
        _ = a.Server;
        _ = b.Server;
        await Task.WhenAll(Startup(a).WaitAsync(TimeSpan.FromMinutes(2)), Startup(b).WaitAsync(TimeSpan.FromMinutes(2)));

        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand(
            $"SELECT count(*), count(DISTINCT version) FROM {Migrator.ChangelogTable} WHERE type = 0 AND success");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = Migrator.EmbeddedMigrations().Count;
        Assert.That((reader.GetInt64(0), reader.GetInt64(1)), Is.EqualTo(((long)total, (long)total)), "each migration recorded once");
        foreach (var replica in new[] { a, b })
        {
            var ready = await replica.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    private static Task Startup(ApiFactory factory) =>
        factory.Services.GetServices<IHostedService>().OfType<DatabaseStartup>().Single().ExecuteTask ?? Task.CompletedTask;

    private static async Task ListeningAsync(ApiFactory factory)
    {
        var cache = factory.Services.GetRequiredService<PolicyCache>();
        while (!cache.IsListening)
        {
            await cache.NextInvalidation.WaitAsync(Patience);
        }
    }

    private async Task TerminateListenersAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(second.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()");
        command.Parameters.Add(new NpgsqlParameter { Value = PolicyChangeListener.ApplicationName });
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(2L), "one listener per replica");
    }

    private static HttpClient Admin(ApiFactory factory) => factory.ClientWith("000000", "policy.read", "policy.admin");

    private static JsonObject NewValue(string region, string from, decimal value) => new()
    {
        ["key"] = "tekun.care.amount.partialCare",
        ["regionCode"] = region,
        ["effectiveFrom"] = from,
        ["value"] = value,
        ["source"] = "测试文件 一.1",
    };

    /// <summary>The partial-care amount the engine read for a tekun elder, and the region it came from (full trace).</summary>
    private static async Task<(string RegionCode, decimal Value)> CareAmountAsync(ApiFactory factory, string region)
    {
        var request = new JsonObject
        {
            ["regionCode"] = region,
            ["asOf"] = "2031-06-01",
            ["residence"] = "Urban",
            ["members"] = new JsonArray(new JsonObject
            {
                ["birthDate"] = "1950-01-01",
                ["laborCapacity"] = "None",
                ["selfCare"] = "PartialCare",
            }),
            ["monthlyRigidExpenditure"] = 0,
        };
        var response = await factory.ClientWith(region, "policy.read").PostJsonAsync("/api/v1/assessments", request);
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var parameter = body["trace"]!.AsArray().SelectMany(e => e!["parameters"]!.AsArray())
            .First(p => (string?)p!["key"] == "tekun.care.amount.partialCare")!;
        return ((string)parameter["regionCode"]!, (decimal)parameter["value"]!);
    }
}
