namespace Assistance.Infrastructure.Persistence;

using System.Collections.Concurrent;
using System.Text.Json;
using Assistance.Application.Policy;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;
using Dapper;
using Npgsql;

/// <summary>
/// Parameter values in PostgreSQL. Resolvers are cached per region chain and dropped when the policy revision
/// moves (one indexed single-row read per request), so every replica sees a change on its next request.
/// </summary>
public sealed class PolicyStore(DbSession session, PolicyCache cache) : IPolicyStore
{
    private const string Columns = """
        id, key, region_code, effective_from, effective_to, value::text AS value, source, is_demo,
        recorded_at, recorded_by, superseded_at, supersedes, residence
        """;

    public async Task<ParameterResolver?> ResolverForAsync(RegionCode region, CancellationToken cancellationToken)
    {
        // Outside a command, while the change listener is connected, a cached resolver is exact: every change to
        // parameters or regions notifies and empties the cache. No round trip at all on this path.
        var inCommand = session.IsActive;
        if (!inCommand && cache.TryGetFresh(region, out var fresh))
        {
            return fresh;
        }

        // Taken before reading: a notification that arrives while we read makes what we read unfit for the cache.
        var generation = cache.Generation;
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var (revision, regionExists) = await connection.QuerySingleAsync<(long Revision, bool RegionExists)>(new CommandDefinition(
            "SELECT (SELECT revision FROM policy_revision), EXISTS (SELECT 1 FROM regions WHERE code = @code)",
            new { code = region.Value },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!regionExists)
        {
            return null;
        }

        // Fallback while the listener is down: the revision read above decides.
        if (cache.TryGet(region, revision, out var cached))
        {
            if (!inCommand)
            {
                cache.Set(region, revision, generation, cached);
            }

            return cached;
        }

        var chain = region.SelfAndAncestors().Select(r => r.Value).ToArray();
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM parameter_values WHERE region_code = ANY(@chain)",
            new { chain },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var resolver = new ParameterResolver(rows.Select(r => r.ToStored().Value));

        // Inside a command's transaction the rows may include uncommitted changes that could still roll back. (A query's
        // implicit transaction only reads.)
        if (!inCommand)
        {
            cache.Set(region, revision, generation, resolver);
        }

        return resolver;
    }

    public async Task<IReadOnlyList<StoredParameterValue>> HistoryAsync(string key, RegionCode region, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var chain = region.SelfAndAncestors().Select(r => r.Value).ToArray();
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM parameter_values
            WHERE key = @key AND region_code = ANY(@chain)
            ORDER BY length(region_code) DESC, region_code, effective_from, recorded_at
            """,
            new { key, chain },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToStored()).ToList();
    }

    public async Task<StoredParameterValue?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM parameter_values WHERE id = @id FOR UPDATE",
            new { id },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToStored();
    }

    public async Task SupersedeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE parameter_values SET superseded_at = @at WHERE id = @id AND superseded_at IS NULL",
            new { id, at },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (updated == 0)
        {
            throw BusinessRules.Violation(new OnlyACurrentValueIsSuperseded(id, alreadySuperseded: true));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE policy_revision SET revision = revision + 1", transaction: session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task AddAsync(StoredParameterValue value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var v = value.Value;
        try
        {
            // A savepoint keeps the command's transaction usable when the exclusion constraint fires.
            await connection.ExecuteAsync(new CommandDefinition("SAVEPOINT add_parameter", transaction: session.Transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO parameter_values (id, key, region_code, effective_from, effective_to, value, source, is_demo, recorded_at, recorded_by, supersedes, residence)
                VALUES (@id, @key, @regionCode, @effectiveFrom, @effectiveTo, @value::jsonb, @source, @isDemo, @recordedAt, @recordedBy, @supersedes, @residence);
                UPDATE policy_revision SET revision = revision + 1;
                """,
                new
                {
                    id = value.Id,
                    key = v.Key,
                    regionCode = v.RegionCode.Value,
                    effectiveFrom = v.EffectiveFrom,
                    effectiveTo = v.EffectiveTo,
                    value = ToJson(v.Value),
                    source = v.Source,
                    isDemo = v.IsDemo,
                    recordedAt = v.RecordedAt,
                    recordedBy = value.RecordedBy,
                    supersedes = value.Supersedes,
                    residence = v.Residence?.ToString(),
                },
                session.Transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            await connection.ExecuteAsync(new CommandDefinition("ROLLBACK TO SAVEPOINT add_parameter", transaction: session.Transaction, cancellationToken: CancellationToken.None))
                .ConfigureAwait(false);
            throw BusinessRules.Violation(new CurrentValuesDoNotOverlap(v, overlaps: true));
        }
    }

    public async Task<IReadOnlyList<PolicySource>> SourcesAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Id, string Title, string? DocumentNumber, string Jurisdiction, DateOnly? DocumentDate, DateOnly? InForceFrom, string? FileName)>(
            new CommandDefinition(
                """
                SELECT id, title, document_number, jurisdiction, document_date, in_force_from, file_name
                FROM policy_sources ORDER BY id
                """,
                transaction: session.Transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new PolicySource(
            r.Id, r.Title, r.DocumentNumber, r.Jurisdiction,
            r.DocumentDate,
            r.InForceFrom,
            r.FileName)).ToList();
    }

    internal static string ToJson(ParameterValueData value) => JsonSerializer.Serialize(value.ToClrValue());

#pragma warning disable IDE1006, CA1707, SA1300 // Dapper maps snake_case columns to these names.
    internal sealed record Row(
        Guid id, string key, string region_code, DateOnly effective_from, DateOnly? effective_to, string value, string source, bool is_demo,
        DateTime recorded_at, string recorded_by, DateTime? superseded_at, Guid? supersedes, string? residence)
#pragma warning restore IDE1006, CA1707, SA1300
    {
        public StoredParameterValue ToStored()
        {
            using var document = JsonDocument.Parse(value);
            var data = ParameterValueJson.Read(document.RootElement, key);
            var parameter = new ParameterValue(
                key,
                RegionCode.Parse(region_code),
                effective_from,
                effective_to,
                data,
                source,
                is_demo,
                new DateTimeOffset(DateTime.SpecifyKind(recorded_at, DateTimeKind.Utc)),
                superseded_at is { } s ? new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc)) : null,
                residence is null ? null : Enum.Parse<ResidenceType>(residence));
            return new StoredParameterValue(id, parameter, recorded_by, supersedes);
        }
    }
}

/// <summary>
/// Per-replica cache of resolvers by region. An entry is trusted without asking the database only while
/// <see cref="PolicyChangeListener"/> is connected and no change notification arrived since it was read (same
/// <see cref="Generation"/>); otherwise it is valid for the policy revision it was read at (the fallback check).
/// </summary>
public sealed class PolicyCache : IPolicyResolverCache
{
    private readonly ConcurrentDictionary<RegionCode, Entry> entries = new();
    private long generation;
    private volatile bool listening;
    private TaskCompletionSource invalidated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Moves on every change notification, lost connection and resynchronisation.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Whether change notifications are arriving (the listener holds its connection).</summary>
    public bool IsListening => listening;

    /// <summary>Completes at the next invalidation (tests and diagnostics wait on it instead of sleeping).</summary>
    public Task NextInvalidation => Volatile.Read(ref invalidated).Task;

    public bool TryGetFresh(RegionCode region, out ParameterResolver resolver)
    {
        if (listening && entries.TryGetValue(region, out var entry) && entry.Generation == Generation)
        {
            resolver = entry.Resolver;
            return true;
        }

        resolver = null!;
        return false;
    }

    public bool TryGet(RegionCode region, long revision, out ParameterResolver resolver)
    {
        if (entries.TryGetValue(region, out var entry) && entry.Revision == revision)
        {
            resolver = entry.Resolver;
            return true;
        }

        resolver = null!;
        return false;
    }

    public void Set(RegionCode region, long revision, long readAtGeneration, ParameterResolver resolver) =>
        entries[region] = new Entry(revision, readAtGeneration, resolver);

    /// <summary>A change was notified: nothing cached is trusted without a revision check until read again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        Signal();
    }

    /// <summary>LISTEN is in place again: anything read before may have missed a notification.</summary>
    public void Resynchronised()
    {
        // Generation first: no entry read before this point may count as fresh once listening is true.
        Interlocked.Increment(ref generation);
        listening = true;
        Signal();
    }

    /// <summary>The listener lost its connection: back to the revision check on every read.</summary>
    public void Lost()
    {
        listening = false;
        Invalidate();
    }

    private void Signal() =>
        Interlocked.Exchange(ref invalidated, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private sealed record Entry(long Revision, long Generation, ParameterResolver Resolver);
}
