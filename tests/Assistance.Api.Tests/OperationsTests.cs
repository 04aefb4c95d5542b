namespace Assistance.Api.Tests;

using System.Net;
using Assistance.Api.Security;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

/// <summary>What an operator relies on: migrations, readiness, limits, and refusing unsafe configuration.</summary>
public sealed class OperationsTests
{
    [Test]
    public async Task Migrator_WhenTwoReplicasStartTogether_AppliesEachMigrationOnce()
    {
        var connectionString = await TestDatabase.CreateEmptyAsync();
        await using var first = NpgsqlDataSource.Create(connectionString);
        await using var second = NpgsqlDataSource.Create(connectionString);
        var a = new Migrator(first, NullLogger<Migrator>.Instance);
        var b = new Migrator(second, NullLogger<Migrator>.Instance);

        var results = await Task.WhenAll(Task.Run(() => a.MigrateAsync(CancellationToken.None)), Task.Run(() => b.MigrateAsync(CancellationToken.None)));

        var total = Migrator.EmbeddedMigrations().Count;
        Assert.That(results.Sum(), Is.EqualTo(total), "every migration applied by exactly one of the two");
        await using var connection = await first.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*), count(DISTINCT version) FROM {Migrator.ChangelogTable} WHERE type = 0 AND success", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.That(reader.GetInt64(0), Is.EqualTo(total));
        Assert.That(reader.GetInt64(1), Is.EqualTo(total));
        Assert.That(await a.IsUpToDateAsync(CancellationToken.None), Is.True);
    }

    [Test]
    public async Task Migrator_WhenAnAppliedMigrationWasEdited_RefusesToRunAndChangesNothing()
    {
        var connectionString = await TestDatabase.CreateEmptyAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var embedded = Migrator.EmbeddedMigrations();
        await new Migrator(dataSource, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);

        // Someone "fixes" 0002 after it ran, and adds a new file: the edit is refused and the new file does not run.
        var edited = embedded.Select(m => m.FileName.StartsWith("0002_", StringComparison.Ordinal) ? (m.FileName, m.Sql + "\n-- tidied up\n") : m)
            .Append(("9999_after_edit.sql", "CREATE TABLE after_edit (id int);"))
            .ToList();
        var migrator = new Migrator(dataSource, NullLogger<Migrator>.Instance, edited, DatabaseSettings.DefaultAppRole);

        var refused = Assert.ThrowsAsync<EvolveDb.EvolveValidationException>(() => migrator.MigrateAsync(CancellationToken.None));
        Assert.That(refused!.Message, Does.Contain("0002_regions.sql"));
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass('after_edit') IS NULL", connection);
        Assert.That(await command.ExecuteScalarAsync(), Is.True, "nothing after the edited file ran");
    }

    [Test]
    public async Task Migrator_OnADatabaseOfTheOldMigrator_AdoptsItsHistoryAndAppliesOnlyNewFiles()
    {
        // A database the hand-written migrator kept: files up to 0020 applied and listed in schema_migrations.
        var connectionString = await TestDatabase.CreateEmptyAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var old = Migrator.EmbeddedMigrations().Where(m => string.CompareOrdinal(m.FileName, "0021") < 0).ToList();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var table = new NpgsqlCommand("CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", connection);
            await table.ExecuteNonQueryAsync();
            foreach (var (fileName, sql) in old)
            {
                await using var apply = new NpgsqlCommand(sql, connection);
                await apply.ExecuteNonQueryAsync();
                await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES (@v)", connection);
                record.Parameters.AddWithValue("v", fileName[..^4]);
                await record.ExecuteNonQueryAsync();
            }
        }

        var migrator = new Migrator(dataSource, NullLogger<Migrator>.Instance);
        var applied = await migrator.MigrateAsync(CancellationToken.None);

        Assert.That(applied, Is.EqualTo(Migrator.EmbeddedMigrations().Count - old.Count), "only the files the old migrator had not applied");
        Assert.That(await migrator.IsUpToDateAsync(CancellationToken.None), Is.True);
        Assert.That(await migrator.MigrateAsync(CancellationToken.None), Is.Zero, "a second start applies nothing");
    }

    [Test]
    public async Task HealthReady_WhenMigrationsNotApplied_Returns503()
    {
        await using var factory = new ApiFactory(await TestDatabase.CreateEmptyAsync());
        var response = await factory.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Unhealthy"));
        var live = await factory.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Api_WhenDatabaseUnreachable_Returns503ProblemAndReadyIs503()
    {
        // A port nothing listens on: connection refused at once.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var factory = new ApiFactory($"Host=127.0.0.1;Port={port};Database=x;Username=postgres;Timeout=2");

        var ready = await factory.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));

        var response = await factory.ClientWith("000000", Scopes.RegistryRead).GetAsync(new Uri("/api/v1/regions", UriKind.Relative));
        await response.ProblemAsync(HttpStatusCode.ServiceUnavailable, "database.unavailable");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task RateLimit_WhenBurstExhausted_Returns429WithRetryAfter()
    {
        await using var factory = new ApiFactory(await TestDatabase.CreateAsync(), new Dictionary<string, string?>
        {
            ["RateLimiting:Burst"] = "3",
            ["RateLimiting:PermitsPerMinute"] = "60",
        });
        var client = factory.ClientWith("000000", Scopes.RegistryRead);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await client.GetAsync(new Uri("/api/v1/regions", UriKind.Relative));
            statuses.Add(response.StatusCode);
            limited = response;
        }

        Assert.That(statuses.Take(3), Is.All.EqualTo(HttpStatusCode.OK));
        await limited!.ProblemAsync(HttpStatusCode.TooManyRequests, "request.rate-limited");
        Assert.That(limited!.Headers.RetryAfter?.Delta, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));

        // Health probes are never rate limited: an orchestrator must always reach them.
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RequestBody_WhenLargerThanLimit_Returns413Problem()
    {
        await using var factory = new ApiFactory(await TestDatabase.CreateAsync(), new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "1024" });
        var client = factory.ClientWith("000000", Scopes.All.ToArray());
        var response = await client.PostAsync(new Uri("/api/v1/regions", UriKind.Relative), Http.RawJson("{\"x\":\"" + new string('a', 5000) + "\"}"));
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too-large");
        Assert.That((string?)problem["detail"], Does.Contain("1024"));
    }

    [Test]
    public void Startup_InProductionWithoutAuthenticationSettings_Refuses()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ASSISTANCE_DB", "Host=127.0.0.1;Database=x");
        });
        var error = Assert.Throws<InvalidOperationException>(() => _ = factory.Server);
        Assert.That(error!.Message, Does.Contain("Authentication:Issuer is not set").And.Contain("Authentication:SigningKeys has no key"));
    }

    [Test]
    public void Startup_InProductionWithTheDevelopmentKey_Refuses()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ASSISTANCE_DB", "Host=127.0.0.1;Database=x");
            b.UseSetting("Authentication:Issuer", "https://idp.example");
            b.UseSetting("Authentication:Audience", "assistance");
            b.UseSetting("Authentication:SigningKeys:0", JwtSettings.DevelopmentKey);
        });
        var error = Assert.Throws<InvalidOperationException>(() => _ = factory.Server);
        Assert.That(error!.Message, Does.Contain("development signing key is refused"));
    }

    [Test]
    public async Task DevToken_InDevelopment_PrintsOnlyATokenTheApiAccepts()
    {
        await using var factory = new ApiFactory(await TestDatabase.CreateAsync());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:Issuer"] = "assistance-dev",
            ["Authentication:Audience"] = "assistance-api",
            ["Authentication:SigningKeys:0"] = JwtSettings.DevelopmentKey,
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = DevToken.Run(["dev-token", "--scopes", "registry.read", "--region", "320682"], configuration, output, error);

        Assert.That(exit, Is.EqualTo(0), error.ToString());
        var token = output.ToString().Trim();
        Assert.That(token.Split('.'), Has.Length.EqualTo(3));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync(new Uri("/api/v1/regions/320682", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(null)]
    [TestCase("a-real-production-signing-key-of-at-least-32-bytes!!")]
    public void DevToken_WithoutTheDevelopmentKey_RefusesAndPrintsNothing(string? key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:Issuer"] = "https://idp.example",
            ["Authentication:Audience"] = "assistance",
            ["Authentication:SigningKeys:0"] = key,
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DevToken.Run(["dev-token"], configuration, output, error);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output.ToString(), Is.Empty, "never a token signed with a real key");
        Assert.That(error.ToString(), Does.Contain("signs only with the development settings"));
    }

    [Test]
    public async Task AuditEvents_AreAppendOnly()
    {
        var connectionString = await TestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO audit_events (id, occurred_at, actor, entity_type, entity_id, action, region_code) VALUES (gen_random_uuid(), now(), 'a', 'T', '1', 'Created', '000000')",
            connection))
        {
            await insert.ExecuteNonQueryAsync();
        }

        foreach (var sql in new[] { "UPDATE audit_events SET actor = 'b'", "DELETE FROM audit_events", "TRUNCATE audit_events" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.That(error!.MessageText, Does.Contain("append-only"), sql);
        }

        await using var count = new NpgsqlCommand("SELECT actor FROM audit_events", connection);
        Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo("a"));
    }

    [Test]
    public async Task IdempotencyRecords_OlderThanRetention_ArePurged()
    {
        await using var factory = new ApiFactory(await TestDatabase.CreateAsync());
        var retention = factory.Services.GetRequiredService<IdempotencyRetention>();
        await using (var dataSource = NpgsqlDataSource.Create(factory.ConnectionString))
        {
            await using var insert = dataSource.CreateCommand(
                "INSERT INTO idempotency_keys (scope, key, request_hash, response, created_at) VALUES ('s', 'old', 'h', '{}', @old), ('s', 'fresh', 'h', '{}', @fresh)");
            insert.Parameters.AddWithValue("old", factory.Clock.GetUtcNow() - retention.Retention - TimeSpan.FromSeconds(1));
            insert.Parameters.AddWithValue("fresh", factory.Clock.GetUtcNow() - retention.Retention + TimeSpan.FromSeconds(1));
            await insert.ExecuteNonQueryAsync();
        }

        var deleted = await retention.PurgeAsync(CancellationToken.None);

        Assert.That(deleted, Is.EqualTo(1));
        await using var check = NpgsqlDataSource.Create(factory.ConnectionString);
        await using var keys = check.CreateCommand("SELECT string_agg(key, ',') FROM idempotency_keys");
        Assert.That(await keys.ExecuteScalarAsync(), Is.EqualTo("fresh"));
    }
}
