namespace Assistance.Infrastructure.Persistence;

using System.Security.Cryptography;
using System.Text;
using Assistance.Application.Policy;
using Assistance.Domain.Policy;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// Loads the policy packs (policy/packs/*.json, embedded) and the source list into the parameter store, each pack
/// file once. Reference data, so it runs in every environment. Bulk insert by binary COPY in one transaction.
/// </summary>
public sealed partial class PolicyPackSeeder([Microsoft.Extensions.DependencyInjection.FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource dataSource, TimeProvider clock, ILogger<PolicyPackSeeder> logger) : IStartupSeeder
{
    private const string PackPrefix = "policy.packs.";
    private const long SeedLockKey = 0x706f6c696379; // "policy"

    public bool IsDemoData => false;

    public static IReadOnlyList<(string FileName, string Json)> EmbeddedPacks()
    {
        var assembly = typeof(PolicyPackSeeder).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(PackPrefix, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => (n[PackPrefix.Length..], Read(n)))
            .ToList();
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = SeedLockKey }, tx, cancellationToken: cancellationToken))
            .ConfigureAwait(false);

        foreach (var source in PolicySourcesFile.Parse(Read("policy.sources.json")))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO policy_sources (id, title, document_number, jurisdiction, document_date, in_force_from, file_name)
                VALUES (@Id, @Title, @DocumentNumber, @Jurisdiction, @DocumentDate, @InForceFrom, @File)
                ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, document_number = EXCLUDED.document_number,
                    jurisdiction = EXCLUDED.jurisdiction, document_date = EXCLUDED.document_date,
                    in_force_from = EXCLUDED.in_force_from, file_name = EXCLUDED.file_name
                """,
                new
                {
                    source.Id,
                    source.Title,
                    source.DocumentNumber,
                    source.Jurisdiction,
                    DocumentDate = source.Date,
                    source.InForceFrom,
                    source.File,
                },
                tx,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var loaded = (await connection.QueryAsync<(string FileName, string Sha256)>(new CommandDefinition(
            "SELECT file_name, sha256 FROM policy_pack_loads", transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.FileName, r => r.Sha256, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var inserted = 0;
        var packs = EmbeddedPacks();
        if (packs.Count == 0)
        {
            // A build without policy/ would otherwise start with no parameters and fail every assessment.
            throw new InvalidOperationException("No policy packs are embedded in Assistance.Infrastructure: the build did not include policy/packs/*.json.");
        }

        foreach (var (fileName, json) in packs)
        {
            var sha = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
            if (loaded.TryGetValue(fileName, out var loadedSha))
            {
                if (loadedSha != sha)
                {
                    // A loaded pack is history: changing the file does not rewrite the store (caseworkers' values and
                    // the dated history stay). New values of a known parameter go through POST /api/v1/policy/parameters
                    // with their own source. But a parameter the store has never held for a region (one a release
                    // added to the pack) is loaded, or an upgraded database would refuse every rule that needs it.
                    var added = await LoadParametersNewToTheStoreAsync(connection, tx, fileName, json, sha, now, cancellationToken).ConfigureAwait(false);
                    LogPackChanged(logger, fileName, added);
                    inserted += added;
                }

                continue;
            }

            var pack = PolicyPackFile.Parse(json, now);
            await CopyValuesAsync(connection, pack.Values, fileName, now, cancellationToken).ConfigureAwait(false);

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO policy_pack_loads (file_name, sha256, loaded_at) VALUES (@fileName, @sha, @now)",
                new { fileName, sha, now },
                tx,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            inserted += pack.Values.Count;
        }

        if (inserted > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE policy_revision SET revision = revision + 1", transaction: tx, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            LogLoaded(logger, inserted);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> LoadParametersNewToTheStoreAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, string fileName, string json, string sha, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pack = PolicyPackFile.Parse(json, now);
        var held = (await connection.QueryAsync<(string Key, string RegionCode)>(new CommandDefinition(
            "SELECT DISTINCT key, region_code FROM parameter_values WHERE region_code = ANY(@regions)",
            new { regions = pack.Values.Select(v => v.RegionCode.Value).Distinct(StringComparer.Ordinal).ToArray() },
            tx,
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();
        var fresh = pack.Values.Where(v => !held.Contains((v.Key, v.RegionCode.Value))).ToList();
        if (fresh.Count > 0)
        {
            await CopyValuesAsync(connection, fresh, fileName, now, cancellationToken).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE policy_pack_loads SET sha256 = @sha, loaded_at = @now WHERE file_name = @fileName",
            new { fileName, sha, now },
            tx,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return fresh.Count;
    }

    private static async Task CopyValuesAsync(
        NpgsqlConnection connection, IEnumerable<ParameterValue> values, string fileName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY parameter_values (id, key, region_code, effective_from, effective_to, value, source, is_demo, recorded_at, recorded_by, residence) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var value in values)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(value.Key, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(value.RegionCode.Value, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(value.EffectiveFrom, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                if (value.EffectiveTo is { } to)
                {
                    await importer.WriteAsync(to, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }

                await importer.WriteAsync(PolicyStore.ToJson(value.Value), NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(value.Source, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(value.IsDemo, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync($"policy pack {fileName}", NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                if (value.Residence is { } residence)
                {
                    await importer.WriteAsync(residence.ToString(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Read(string resource)
    {
        using var stream = typeof(PolicyPackSeeder).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} parameter values from policy packs")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy pack {FileName} changed after it was loaded; the store keeps the loaded values and added {Added} values of parameters it did not hold for their region")]
    private static partial void LogPackChanged(ILogger logger, string fileName, int added);
}
