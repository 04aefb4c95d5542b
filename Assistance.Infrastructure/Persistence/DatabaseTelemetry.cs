namespace Assistance.Infrastructure.Persistence;

/// <summary>
/// What the host subscribes to for database telemetry: Npgsql 10 emits one span per command and the pool and command
/// metrics (<c>db.client.*</c>) on an ActivitySource and a Meter of this name (what Npgsql.OpenTelemetry's
/// <c>AddNpgsql()</c> subscribes to), so the host needs no driver package.
/// </summary>
public static class DatabaseTelemetry
{
    public static readonly string SourceName = "Npgsql";
}
