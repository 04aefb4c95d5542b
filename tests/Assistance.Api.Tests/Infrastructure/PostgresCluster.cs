namespace Assistance.Api.Tests.Infrastructure;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

/// <summary>
/// A throwaway PostgreSQL cluster from the machine's binaries (initdb into /tmp, a free port, torn down after the
/// run), or the server named by ASSISTANCE_TEST_DB. Tests never mock the database.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string? dataDirectory;
    private readonly string? binDirectory;
    private readonly bool runAsPostgres;

    private PostgresCluster(string adminConnectionString, string? dataDirectory, string? binDirectory, bool runAsPostgres)
    {
        AdminConnectionString = adminConnectionString;
        this.dataDirectory = dataDirectory;
        this.binDirectory = binDirectory;
        this.runAsPostgres = runAsPostgres;
    }

    /// <summary>Connection string to the maintenance database <c>postgres</c> with rights to create databases.</summary>
    public string AdminConnectionString { get; }

    public static async Task<PostgresCluster> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("ASSISTANCE_TEST_DB");
        if (!string.IsNullOrWhiteSpace(external))
        {
            var builder = new NpgsqlConnectionStringBuilder(external) { Database = "postgres", Pooling = false };
            return new PostgresCluster(builder.ConnectionString, null, null, false);
        }

        var bin = FindBinDirectory();
        var runAsPostgres = Environment.UserName == "root";
        var data = Path.Combine(Path.GetTempPath(), $"assistance-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(data);
        if (runAsPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", data], asPostgres: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"], runAsPostgres);
        var port = FreePort();
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60", "start"], runAsPostgres);
        var connection = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Pooling = false,
        };
        return new PostgresCluster(connection.ConnectionString, data, bin, runAsPostgres);
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true, MaxPoolSize = 50 }.ConnectionString;

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (dataDirectory is null || binDirectory is null)
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], runAsPostgres);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static string FindBinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql: run ./test.sh (it installs the Debian postgresql package) or set ASSISTANCE_TEST_DB.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}
