namespace Assistance.Api.Tests.Infrastructure;

using Assistance.Api.Tests;

using System.Net.Http.Headers;
using Assistance.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>A clock the tests move by hand (no sleeps for timing).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start.ToUniversalTime();

    // TimeProvider's contract: GetUtcNow has offset zero (Npgsql refuses other offsets for timestamptz).
    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    public void Set(DateTimeOffset to) => now = to.ToUniversalTime();
}

/// <summary>The real API over real HTTP (in-memory transport) against its own real PostgreSQL database.</summary>
public sealed class ApiFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<Program>
{
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    public string ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ASSISTANCE_DB", connectionString);
        builder.UseSetting("Database:ApplyMigrationsOnStartup", "false");
        builder.UseSetting("RateLimiting:PermitsPerMinute", "600000");
        builder.UseSetting("RateLimiting:Burst", "100000");
        // Jobs run on demand in tests; the scheduler's own tests switch it on (Jobs/SchedulerClusterTests).
        builder.UseSetting("Scheduler:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider, TestLoggerProvider>();
            testServices?.Invoke(services);
        });
    }

    /// <summary>A client whose bearer token carries these scopes and region.</summary>
    public HttpClient ClientWith(string region, params string[] scopes) => ClientAs("tester", region, null, scopes);

    public HttpClient ClientAs(string subject, string region, string? agency, params string[] scopes)
    {
        var client = CreateClient();
        var settings = Services.GetRequiredService<JwtSettings>();
        var token = DevToken.Create(settings, subject, scopes, region, agency, TimeProvider.System, TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>Base for API test classes: one fresh database and one host per class.</summary>
public abstract class ApiTestBase
{
    protected ApiFactory Factory { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public async Task StartApiAsync()
    {
        Factory = new ApiFactory(await TestDatabase.CreateAsync(), Settings);
        _ = Factory.Server;
    }

    [OneTimeTearDown]
    public async Task StopApiAsync() => await Factory.DisposeAsync();

    /// <summary>All scopes, national region: the "super user" most tests act as.</summary>
    protected HttpClient Admin() => Factory.ClientWith("000000", [.. Scopes.All]);

    /// <summary>One value read as the database owner (no row-level security), to check what the API wrote.</summary>
    protected async Task<T> OwnerScalarAsync<T>(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
