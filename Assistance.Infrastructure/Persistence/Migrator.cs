namespace Assistance.Infrastructure.Persistence;

using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using EvolveDb;
using EvolveDb.Metadata;
using EvolveDb.Migration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> files with Evolve (docs/adr/0005-migrations.md): each file
/// once, in version order, in its own transaction, recorded with its MD5 checksum in <c>evolve_changelog</c>. A
/// changed file that was already applied is refused (<see cref="EvolveDb.EvolveValidationException"/>) instead of being
/// silently ignored, and an advisory lock lets one replica migrate while the others wait. Runs as the owner.
/// </summary>
public sealed partial class Migrator
{
    /// <summary>Evolve's history table (the hand-written migrator's <c>schema_migrations</c> is adopted, see below).</summary>
    public const string ChangelogTable = "evolve_changelog";

    private const string LegacyHistoryTable = "schema_migrations";

    private readonly NpgsqlDataSource dataSource;
    private readonly ILogger<Migrator> logger;
    private readonly IReadOnlyList<(string FileName, string Sql)> scripts;
    private readonly string appRole;

    [ActivatorUtilitiesConstructor]
    public Migrator([FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource dataSource, ILogger<Migrator> logger, DatabaseSettings settings)
        : this(dataSource, logger, EmbeddedMigrations(), settings?.AppRole ?? DatabaseSettings.DefaultAppRole)
    {
    }

    public Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger)
        : this(dataSource, logger, EmbeddedMigrations(), DatabaseSettings.DefaultAppRole)
    {
    }

    /// <summary>With other scripts than the embedded ones (tests: an edited, already-applied file).</summary>
    public Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger, IReadOnlyList<(string FileName, string Sql)> scripts, string appRole)
    {
        this.dataSource = dataSource;
        this.logger = logger;
        this.scripts = scripts;
        this.appRole = appRole;
    }

    /// <summary>The embedded migrations by file name (<c>0001_core.sql</c> …), in version order.</summary>
    public static IReadOnlyList<(string FileName, string Sql)> EmbeddedMigrations()
    {
        var assembly = typeof(Migrator).Assembly;
        const string marker = ".Persistence.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (FileName: n[(n.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..], Sql: Read(assembly, n)))
            .OrderBy(m => m.FileName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Applies what is pending; returns how many files ran.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var baseline = await LegacyBaselineAsync(connection, cancellationToken).ConfigureAwait(false);
        await connection.CloseAsync().ConfigureAwait(false);

        var evolve = new Evolve(connection, message => LogEvolve(logger, message))
        {
            MigrationLoader = new NumberedScriptLoader(scripts),
            MetadataTableName = ChangelogTable,
            EnableClusterMode = true,
            IsEraseDisabled = true,
            MustEraseOnValidationError = false,
            OutOfOrder = false,
            Placeholders = new Dictionary<string, string> { ["${app_role}"] = appRole },
        };
        if (baseline is { } start)
        {
            // Databases migrated by the hand-written migrator: what schema_migrations lists is taken as applied.
            evolve.StartVersion = start;
            LogAdopted(logger, start.Label);
        }

        // Evolve is synchronous; keep the host's thread pool free while it waits for the cluster lock.
        await Task.Run(evolve.Migrate, cancellationToken).ConfigureAwait(false);
        foreach (var applied in evolve.AppliedMigrations)
        {
            LogApplied(logger, applied);
        }

        return evolve.NbMigration;
    }

    /// <summary>True when every embedded migration is recorded as applied, or lies below the adopted baseline (readiness).</summary>
    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT to_regclass('{ChangelogTable}') IS NOT NULL", cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!exists)
        {
            return false;
        }

        var rows = (await connection.QueryAsync<(int Type, string Version, bool Success)>(new CommandDefinition(
            $"SELECT type, version, success FROM {ChangelogTable}", cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var start = rows.Where(r => r.Type == (int)MetadataType.StartVersion).Select(r => new MigrationVersion(r.Version)).FirstOrDefault()
            ?? MigrationVersion.MinVersion;
        var applied = rows.Where(r => r.Type == (int)MetadataType.Migration && r.Success).Select(r => new MigrationVersion(r.Version)).ToHashSet();
        return scripts.Select(s => NumberedScriptLoader.VersionOf(s.FileName)).All(v => v < start || applied.Contains(v));
    }

    /// <summary>
    /// The first version Evolve must apply on a database the old migrator kept (schema_migrations present, no Evolve
    /// history yet): one past the highest recorded file. Null for new databases and ones Evolve already keeps.
    /// </summary>
    private static async Task<MigrationVersion?> LegacyBaselineAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var (legacy, evolve) = await connection.QuerySingleAsync<(bool Legacy, bool Evolve)>(new CommandDefinition(
            $"SELECT to_regclass('{LegacyHistoryTable}') IS NOT NULL, to_regclass('{ChangelogTable}') IS NOT NULL",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!legacy || evolve)
        {
            return null;
        }

        var versions = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT version FROM {LegacyHistoryTable}", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var highest = versions.Select(v => NumberedScriptLoader.VersionOf(v + ".sql").VersionParts[0]).DefaultIfEmpty(0).Max();
        return highest == 0 ? null : new MigrationVersion((highest + 1).ToString(CultureInfo.InvariantCulture));
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Name}")]
    private static partial void LogApplied(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adopting the schema_migrations history: Evolve starts at version {Version}")]
    private static partial void LogAdopted(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evolve: {Message}")]
    private static partial void LogEvolve(ILogger logger, string message);

    /// <summary>
    /// Feeds Evolve our own file naming, <c>NNNN_name.sql</c> (version = the leading number), instead of Flyway's
    /// <c>V1__name.sql</c>, so migration files keep their names and new ones are dropped in as before.
    /// </summary>
    private sealed partial class NumberedScriptLoader(IReadOnlyList<(string FileName, string Sql)> scripts) : IMigrationLoader
    {
        public static MigrationVersion VersionOf(string fileName)
        {
            var match = FileName().Match(fileName);
            return match.Success
                ? new MigrationVersion(match.Groups["version"].Value.TrimStart('0') is { Length: > 0 } v ? v : "0")
                : throw new InvalidOperationException($"Migration '{fileName}' is not named NNNN_name.sql.");
        }

        public IEnumerable<MigrationScript> GetMigrations()
        {
            var list = scripts.Select(s => new Script(VersionOf(s.FileName).Label, FileName().Match(s.FileName).Groups["name"].Value.Replace('_', ' '), s.FileName, s.Sql))
                .OrderBy(s => s.Version)
                .ToList();
            var duplicate = list.GroupBy(s => s.Version!.Label).FirstOrDefault(g => g.Count() > 1);
            return duplicate is null
                ? list
                : throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.Name))}.");
        }

        public IEnumerable<MigrationScript> GetRepeatableMigrations() => [];

        [GeneratedRegex(@"^(?<version>[0-9]{4,})_(?<name>[A-Za-z0-9_\-]+)\.sql$", RegexOptions.CultureInvariant)]
        private static partial Regex FileName();
    }

    private sealed class Script(string version, string description, string name, string content)
        : MigrationScript(version, description, name, content, MetadataType.Migration);
}
