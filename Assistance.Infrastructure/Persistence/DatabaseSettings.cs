namespace Assistance.Infrastructure.Persistence;

using Microsoft.Extensions.Configuration;
using Npgsql;

/// <summary>
/// The two database identities and the API's pool (docs/operations.md, "Database roles" and "Connection pool"):
/// <list type="bullet">
/// <item>the owner (<c>ASSISTANCE_DB</c> / <c>Database:ConnectionString</c>): migrations, seeders, the idempotency purge,
/// readiness; its connections carry the national scope (<c>assistance.region_prefix=*</c>) for that system work;</item>
/// <item>the API role (<c>ASSISTANCE_APP_DB</c> / <c>Database:AppConnectionString</c>; by default the owner's connection
/// string with <c>Database:AppRole</c> and <c>Database:AppPassword</c>): every request, held to row-level security.</item>
/// </list>
/// </summary>
public sealed class DatabaseSettings
{
    /// <summary>DI key of the owner's data source (the API's own data source is the unkeyed one).</summary>
    public const string SystemKey = "system";

    public const string DefaultAppRole = "assistance_app";

    private DatabaseSettings(string ownerConnectionString, string appConnectionString, string appRole, string? appPassword, int maxPoolSize,
        int idleLifetimeSeconds, int acquireTimeoutSeconds, int retryAfterSeconds)
    {
        OwnerConnectionString = ownerConnectionString;
        AppConnectionString = appConnectionString;
        AppRole = appRole;
        AppPassword = appPassword;
        MaxPoolSize = maxPoolSize;
        IdleLifetimeSeconds = idleLifetimeSeconds;
        AcquireTimeoutSeconds = acquireTimeoutSeconds;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public string OwnerConnectionString { get; }

    public string AppConnectionString { get; }

    public string AppRole { get; }

    /// <summary>When set, startup gives <see cref="AppRole"/> this password (as the owner, after migrating).</summary>
    public string? AppPassword { get; }

    /// <summary>Per replica. Keep replicas × this + headroom for the owner and psql below the server's max_connections.</summary>
    public int MaxPoolSize { get; }

    public int IdleLifetimeSeconds { get; }

    /// <summary>How long a request waits for a free pooled connection before it is answered 503.</summary>
    public int AcquireTimeoutSeconds { get; }

    public int RetryAfterSeconds { get; }

    public static DatabaseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var owner = configuration["ASSISTANCE_DB"] is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : configuration["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(owner))
        {
            throw new InvalidOperationException("No database configured: set ASSISTANCE_DB or Database:ConnectionString.");
        }

        var role = configuration["Database:AppRole"] is { Length: > 0 } r ? r : DefaultAppRole;
        var password = configuration["Database:AppPassword"] is { Length: > 0 } p ? p : null;
        var app = configuration["ASSISTANCE_APP_DB"] is { Length: > 0 } appFromEnvironment
            ? appFromEnvironment
            : configuration["Database:AppConnectionString"] is { Length: > 0 } appFromSettings
                ? appFromSettings
                : new NpgsqlConnectionStringBuilder(owner) { Username = role, Password = password }.ConnectionString;
        return new DatabaseSettings(
            owner,
            app,
            role,
            password,
            configuration.GetValue("Database:MaxPoolSize", 20),
            configuration.GetValue("Database:ConnectionIdleLifetimeSeconds", 60),
            configuration.GetValue("Database:ConnectionTimeoutSeconds", 5),
            configuration.GetValue("Database:RetryAfterSeconds", 5));
    }

    /// <summary>The API's pool: sized well below max_connections, short idle lifetime, short wait for a connection.</summary>
    public void ConfigureApp(NpgsqlDataSourceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cs = builder.ConnectionStringBuilder;
        cs.ApplicationName ??= "assistance-api";
        cs.MaxPoolSize = MaxPoolSize;
        cs.MinPoolSize = Math.Min(cs.MinPoolSize, MaxPoolSize);
        cs.ConnectionIdleLifetime = IdleLifetimeSeconds;
        cs.Timeout = AcquireTimeoutSeconds;
        // Every request runs the same few statements: after two uses a statement is prepared on its connection and
        // later executions skip parsing and planning (docs/benchmarks.md).
        if (cs.MaxAutoPrepare == 0)
        {
            cs.MaxAutoPrepare = 64;
            cs.AutoPrepareMinUsages = 2;
        }
    }

    /// <summary>System work: a few connections, national scope for the row-level security policies.</summary>
    public static void ConfigureSystem(NpgsqlDataSourceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cs = builder.ConnectionStringBuilder;
        cs.ApplicationName ??= "assistance-system";
        cs.MaxPoolSize = Math.Min(cs.MaxPoolSize, 5);
        cs.Options = (cs.Options is { Length: > 0 } options ? options + " " : string.Empty) + "-c assistance.region_prefix=*";
    }
}
