namespace Assistance.Api.Tests;

using System.Diagnostics;
using System.Net;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Application.Abstractions;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Households;
using Assistance.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>
/// Defence in depth (issue 7): the API's role owns nothing and is held to row-level security keyed by the transaction's
/// region, which fails closed; and a full pool or a server out of connections is a 503 with Retry-After, not a 500.
/// </summary>
public sealed class DatabaseHardeningTests : ApiTestBase
{
    private const string Rugao = "320682";
    private const string Bengbu = "340302";

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Database:MaxPoolSize"] = "2",
        ["Database:ConnectionTimeoutSeconds"] = "1",
        ["Database:RetryAfterSeconds"] = "7",
    };

    private string AppConnectionString => new NpgsqlConnectionStringBuilder(Factory.ConnectionString)
    {
        Username = DatabaseSettings.DefaultAppRole,
        Pooling = false,
    }.ConnectionString;

    [OneTimeSetUp]
    public async Task TwoRegionsAsync()
    {
        await CreateAsync(Admin(), SimpleHousehold(Rugao + "001"));
        await CreateAsync(Admin(), SimpleHousehold(Rugao));
        await CreateAsync(Admin(), SimpleHousehold(Bengbu));
    }

    [Test]
    public async Task ApiRole_IsNoSuperuserOwnsNothingAndIsWhatTheApiConnectsAs()
    {
        await using var owner = new NpgsqlConnection(Factory.ConnectionString);
        await owner.OpenAsync();
        await using (var command = new NpgsqlCommand(
            """
            SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                   (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) + (SELECT count(*) FROM pg_proc p WHERE p.proowner = r.oid)
                   + (SELECT count(*) FROM pg_namespace n WHERE n.nspowner = r.oid)
            FROM pg_roles r WHERE r.rolname = @role
            """, owner))
        {
            command.Parameters.AddWithValue("role", DatabaseSettings.DefaultAppRole);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.That(await reader.ReadAsync(), Is.True, "the migration created the role");
            Assert.Multiple(() =>
            {
                Assert.That(reader.GetBoolean(0), Is.False, "not a superuser");
                Assert.That(reader.GetBoolean(1), Is.False, "cannot bypass row-level security");
                Assert.That(reader.GetBoolean(2), Is.False);
                Assert.That(reader.GetBoolean(3), Is.False);
                Assert.That(reader.GetInt64(4), Is.Zero, "owns no table, function or schema");
            });
        }

        var apiDataSource = Factory.Services.GetRequiredService<NpgsqlDataSource>();
        await using var api = await apiDataSource.OpenConnectionAsync();
        await using var whoAmI = new NpgsqlCommand("SELECT current_user", api);
        Assert.That(await whoAmI.ExecuteScalarAsync(), Is.EqualTo(DatabaseSettings.DefaultAppRole));
    }

    [Test]
    public async Task EveryTableWithARegionColumn_HasForcedRowLevelSecurity()
    {
        await using var owner = new NpgsqlConnection(Factory.ConnectionString);
        await owner.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname, c.relrowsecurity AND c.relforcerowsecurity, EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r'
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'region_code' AND NOT a.attisdropped)
            ORDER BY c.relname
            """, owner);
        await using var reader = await command.ExecuteReaderAsync();

        // Policy values are public law, not personal data: readable by every region, written under their own rules.
        string[] notPersonal = ["parameter_values"];
        var checkedTables = new List<string>();
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            if (notPersonal.Contains(table))
            {
                continue;
            }

            checkedTables.Add(table);
            Assert.That(reader.GetBoolean(1), Is.True, $"{table}: row-level security enabled and forced");
            Assert.That(reader.GetBoolean(2), Is.True, $"{table}: has a policy");
        }

        Assert.That(checkedTables, Is.SupersetOf(new[] { "households", "household_members", "member_incomes", "applications", "enrolments", "audit_events" }));
    }

    [Test]
    public async Task ApiRole_WithoutARegionInTheTransaction_SeesNoRows()
    {
        Assert.That(await CountAsync(Factory.ConnectionString, null, "households"), Is.GreaterThanOrEqualTo(3), "the owner sees the households");

        // No set_config at all, then an empty one: both fail closed.
        Assert.That(await CountAsync(AppConnectionString, null, "households"), Is.Zero);
        Assert.That(await CountAsync(AppConnectionString, string.Empty, "households"), Is.Zero);
        Assert.That(await CountAsync(AppConnectionString, null, "household_members"), Is.Zero);
        Assert.That(await CountAsync(AppConnectionString, null, "audit_events"), Is.Zero);
        Assert.That(await CountAsync(AppConnectionString, "*", "households"), Is.EqualTo(await CountAsync(Factory.ConnectionString, null, "households")));
    }

    [Test]
    public async Task RepositoryQuery_WithoutTheApplicationFilter_ReturnsNoOtherRegionsRows()
    {
        // The repository is asked for everything (a national scope: as if the application-level filter were forgotten),
        // but the session belongs to a Rugao caller: PostgreSQL returns Rugao's households only.
        await using var dataSource = NpgsqlDataSource.Create(AppConnectionString);
        var settings = DatabaseSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ASSISTANCE_DB"] = Factory.ConnectionString }).Build());
        await using var session = new DbSession(dataSource, new FixedUser(RegionCode.Parse(Rugao)), new DatabaseErrors(settings));
        var households = await new HouseholdQueries(session).ListAsync(RegionScope.National, null, 1000, CancellationToken.None);

        Assert.That(households, Is.Not.Empty);
        Assert.That(households.Select(h => h.Region.Value), Is.All.StartsWith(Rugao));
        Assert.That(await CountAsync(Factory.ConnectionString, null, "households WHERE region_code LIKE '3403%'"), Is.GreaterThan(0),
            "another region's household exists and was filtered out by the database");

        // The same session cannot write outside its region either.
        var connection = await session.ConnectionAsync(CancellationToken.None);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO households (id, region_code, residence, address, version, created_at, updated_at)
            VALUES (gen_random_uuid(), '340302', 'Urban', 'x', 1, now(), now())
            """, connection, session.Transaction);
        var refused = Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.That(refused!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege));
    }

    [Test]
    public async Task BatchedHouseholdRead_WithoutTheApplicationFilter_StillFilteredByTheDatabase_AndLeavesNoRegionBehind()
    {
        // GET /households/{id} sets the region in its own batch (issue 14: one round trip). Asked with a national scope
        // (as if the application filter were forgotten) by a Rugao session, the database still hides Bengbu's household.
        var rugaoId = await OwnerScalarAsync<Guid>($"SELECT id FROM households WHERE region_code = '{Rugao}001' LIMIT 1");
        var bengbuId = await OwnerScalarAsync<Guid>($"SELECT id FROM households WHERE region_code = '{Bengbu}' LIMIT 1");
        await using var dataSource = NpgsqlDataSource.Create(AppConnectionString);
        var settings = DatabaseSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ASSISTANCE_DB"] = Factory.ConnectionString }).Build());
        await using var session = new DbSession(dataSource, new FixedUser(RegionCode.Parse(Rugao)), new DatabaseErrors(settings));
        var queries = new HouseholdQueries(session);

        var own = await queries.GetAsync(RegionScope.National, rugaoId, CancellationToken.None);
        var other = await queries.GetAsync(RegionScope.National, bengbuId, CancellationToken.None);

        Assert.That(own?.Id, Is.EqualTo(rugaoId), "the folded set_config applies to the reads of its batch");
        Assert.That(other, Is.Null, "row-level security filtered the other region's household");
        Assert.That(session.Transaction, Is.Null, "no transaction left to end: the batch was its own");

        // After the batch the setting is gone (it was transaction-local): the same connection sees nothing.
        var (connection, _, _) = await session.BatchedReadAsync(CancellationToken.None);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM households", connection);
        Assert.That((long)(await count.ExecuteScalarAsync())!, Is.Zero);
    }

    [Test]
    public async Task IdempotentReplay_FromAnotherRegionOfTheSameSubject_NeverSeesTheStoredResponse()
    {
        var body = SimpleHousehold(Rugao + "002");
        var key = Guid.NewGuid().ToString();
        var first = await Factory.ClientAs("same-person", Rugao, null, "registry.read", "registry.write", "pii.read")
            .SendJsonAsync(HttpMethod.Post, "/api/v1/households", body, idempotencyKey: key);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        var id = (string)(await first.JsonAsync())["id"]!;

        // Same subject, same key and body, another region: the stored response is invisible to it (0026), so nothing
        // of the first household comes back; the request is judged on its own (the region is outside its scope).
        var other = await Factory.ClientAs("same-person", Bengbu, null, "registry.read", "registry.write")
            .SendJsonAsync(HttpMethod.Post, "/api/v1/households", body, idempotencyKey: key);
        var text = await other.Content.ReadAsStringAsync();
        Assert.That((int)other.StatusCode, Is.InRange(400, 499), text);
        Assert.That(text, Does.Not.Contain(id));

        // The rightful caller still gets the replay.
        var replay = await Factory.ClientAs("same-person", Rugao, null, "registry.read", "registry.write", "pii.read")
            .SendJsonAsync(HttpMethod.Post, "/api/v1/households", body, idempotencyKey: key);
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((string?)(await replay.JsonAsync())["id"], Is.EqualTo(id));
        Assert.That(await CountAsync(AppConnectionString, Bengbu, "idempotency_keys"), Is.Zero, "a Bengbu-scoped transaction sees no stored key");
        Assert.That(await CountAsync(AppConnectionString, null, "idempotency_keys"), Is.Zero, "nor does one without a region");
    }

    [Test]
    public async Task ApiRole_CannotRewriteTheAuditTrailOrTheSchema()
    {
        foreach (var sql in new[] { "UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events", "DROP TABLE households", "ALTER TABLE households DISABLE ROW LEVEL SECURITY" })
        {
            await using var connection = new NpgsqlConnection(AppConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(), sql);
            Assert.That(refused!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege), sql);
        }
    }

    [Test]
    public async Task Api_WhenItsPoolIsExhausted_Returns503WithRetryAfter_AndTheOwnerStillConnects()
    {
        // The API's pool holds 2 connections (Database:MaxPoolSize); take both.
        var apiDataSource = Factory.Services.GetRequiredService<NpgsqlDataSource>();
        await using var first = await apiDataSource.OpenConnectionAsync();
        await using var second = await apiDataSource.OpenConnectionAsync();

        var response = await Factory.ClientWith(Rugao, "registry.read").GetAsync(Url("/api/v1/households"));
        await response.ProblemAsync(HttpStatusCode.ServiceUnavailable, "database.unavailable");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));

        await AssertOwnerConnectsAsync();

        // Once a connection is free again the API answers.
        await second.CloseAsync();
        var again = await Factory.ClientWith(Rugao, "registry.read").GetAsync(Url("/api/v1/households"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), await again.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Api_WhenTheServerRefusesMoreConnections_Returns503WithRetryAfter_AndTheOwnerStillConnects()
    {
        var database = new NpgsqlConnectionStringBuilder(Factory.ConnectionString).Database!;
        var apiDataSource = Factory.Services.GetRequiredService<NpgsqlDataSource>();
        await ExecuteAsOwnerAsync($"ALTER DATABASE \"{database}\" CONNECTION LIMIT 0");
        try
        {
            // Idle pooled connections would still work; drop them so the next request must log in (53300 for the role).
            apiDataSource.Clear();
            var response = await Factory.ClientWith(Rugao, "registry.write").SendJsonAsync(HttpMethod.Post, "/api/v1/households", SimpleHousehold(Rugao));
            await response.ProblemAsync(HttpStatusCode.ServiceUnavailable, "database.unavailable");
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
            await AssertOwnerConnectsAsync();
        }
        finally
        {
            await ExecuteAsOwnerAsync($"ALTER DATABASE \"{database}\" CONNECTION LIMIT -1");
        }
    }

    private static async Task<long> CountAsync(string connectionString, string? prefix, string from)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        if (prefix is not null)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('assistance.region_prefix', @p, true)", connection, tx);
            set.Parameters.AddWithValue("p", prefix);
            await set.ExecuteNonQueryAsync();
        }

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {from}", connection, tx);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Factory.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The administrator's way in stays open: psql (when the binaries are at hand) and a fresh owner connection.</summary>
    private async Task AssertOwnerConnectsAsync()
    {
        var owner = new NpgsqlConnectionStringBuilder(Factory.ConnectionString);
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Factory.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(1));
        }

        var psql = PsqlPath();
        Assert.That(psql, Is.Not.Null, "psql is installed with the server binaries");
        var start = new ProcessStartInfo(psql!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-X", "-tA", "-h", owner.Host!, "-p", owner.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", owner.Username!, "-d", owner.Database!, "-c", "SELECT 'psql ok'" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, error);
        Assert.That(output.Trim(), Is.EqualTo("psql ok"));
    }

    private static string? PsqlPath()
    {
        var bin = Environment.GetEnvironmentVariable("ASSISTANCE_PG_BINDIR");
        if (bin is { Length: > 0 } && File.Exists(Path.Combine(bin, "psql")))
        {
            return Path.Combine(bin, "psql");
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "psql")).Where(File.Exists).Order().LastOrDefault()
            : null;
    }

    private sealed class FixedUser(RegionCode region) : ICurrentUser
    {
        public string Subject => "test";

        public RegionCode Region => region;

        public string? Agency => null;

        public RegionScope Scope => RegionScope.Of(region);

        public bool HasScope(string scope) => true;
    }
}
