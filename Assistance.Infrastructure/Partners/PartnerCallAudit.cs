namespace Assistance.Infrastructure.Partners;

using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// One audit row per partner call: who (subject and agency), which operation, the outcome and, for batches, the
/// item count — never the ID numbers of a status query. Scoped to the request: the API's audit middleware names the call
/// before the endpoint runs (<see cref="Begin"/>). A read that answers the partner in one statement batch takes the
/// row into that batch (<see cref="TryAppendTo"/>), so the answer and its audit row commit together on one connection
/// in one round trip; every other call is recorded after the response in its own batch (<see cref="RecordAsync"/>).
/// </summary>
/// <remarks>
/// The batch of a read commits its audit row asynchronously unless <c>Partners:AuditSynchronousCommit</c> is true: the
/// row is committed and visible at once, but the answer does not wait for the WAL flush. Under load every answer
/// otherwise queues behind the flushes of all the others (measured: most active backends waiting on <c>WALWrite</c>,
/// docs/benchmarks.md). What this gives up: rows of the last moments (at most three <c>wal_writer_delay</c>s, 0.6 s by
/// default) are lost if the PostgreSQL server itself crashes; the read changed nothing else, so nothing else is lost.
/// </remarks>
public sealed class PartnerCallAudit(NpgsqlDataSource dataSource, TimeProvider clock, PartnerAuditSettings settings)
{
    private const string InsertSql =
        """
        INSERT INTO audit_events (id, occurred_at, actor, agency, entity_type, entity_id, action, region_code, before, after, reason, trace_id)
        VALUES ($1, $2, $3, $4, 'PartnerCall', $5, $6, $7, NULL, $8::jsonb, NULL, $9)
        """;

    /// <summary>For this transaction only (SET LOCAL): see the remarks.</summary>
    private const string AsynchronousCommitSql = "SELECT set_config('synchronous_commit', 'off', true)";

    private PartnerCall? call;

    /// <summary>The status written into a read's batch, or null while the call is not yet recorded.</summary>
    public int? RecordedStatus { get; private set; }

    /// <summary>Names the partner call this request serves; nothing is written yet.</summary>
    public void Begin(PartnerCall partnerCall)
    {
        ArgumentNullException.ThrowIfNull(partnerCall);
        call = partnerCall;
        RecordedStatus = null;
    }

    /// <summary>
    /// Appends this call's row to <paramref name="batch"/>, whose earlier commands set the caller's region and which runs
    /// as one implicit transaction, as if the call ends with <paramref name="status"/>. False (nothing appended) when the
    /// request is no partner call or its row was taken already. Should the batch fail, call <see cref="Untake"/>: the
    /// call is then audited after the response like any other.
    /// </summary>
    public bool TryAppendTo(NpgsqlBatch batch, int status, int? itemCount)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (call is null || RecordedStatus is not null)
        {
            return false;
        }

        if (!settings.SynchronousCommit)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(AsynchronousCommitSql));
        }

        batch.BatchCommands.Add(Insert(call with { Status = status, ItemCount = itemCount }));
        RecordedStatus = status;
        return true;
    }

    /// <summary>The batch that took the row failed: its transaction rolled back, so the row is still to be written.</summary>
    public void Untake() => RecordedStatus = null;

    /// <summary>
    /// Records the call after its response with the final status, unless a read's batch recorded it with that status
    /// already (a status that changed afterwards, e.g. a failure while writing the answer, is recorded as well).
    /// </summary>
    public async Task RecordAsync(int status, int? itemCount, CancellationToken cancellationToken)
    {
        if (call is null || RecordedStatus == status)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { SetRegion(call.RegionPrefix), Insert(call with { Status = status, ItemCount = itemCount }) },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        RecordedStatus = status;
    }

    private static NpgsqlBatchCommand SetRegion(string prefix) =>
        new("SELECT set_config('assistance.region_prefix', $1, true)")
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = prefix, NpgsqlDbType = NpgsqlDbType.Text } },
        };

    private NpgsqlBatchCommand Insert(PartnerCall row) =>
        new(InsertSql)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() },
                new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter<string> { TypedValue = row.Subject, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter<string> { TypedValue = row.Agency, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter<string> { TypedValue = row.Operation, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter<string> { TypedValue = row.Method, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter<string> { TypedValue = row.Region, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter<string>
                {
                    TypedValue = JsonSerializer.Serialize(new PartnerCallOutcome(row.Status, row.ItemCount), PartnerAuditJson.Default.PartnerCallOutcome),
                    NpgsqlDbType = NpgsqlDbType.Text,
                },
                new NpgsqlParameter { Value = (object?)row.TraceId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            },
        };
}

/// <summary>What the audit row of a partner call records.</summary>
public sealed record PartnerCall(
    string Subject, string Agency, string Region, string RegionPrefix, string Method, string Operation, int Status, int? ItemCount, string? TraceId);

/// <summary>Configuration <c>Partners:AuditSynchronousCommit</c>: true makes every answered status query wait for its audit row's WAL flush.</summary>
public sealed class PartnerAuditSettings
{
    public bool SynchronousCommit { get; init; }
}

/// <summary>The row's <c>after</c>: the outcome and, for batches, how many items (never which).</summary>
public sealed record PartnerCallOutcome(int Status, int? ItemCount);

/// <summary>Source-generated JSON of the audit row's outcome (the row is written on the hottest path).</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(PartnerCallOutcome))]
internal sealed partial class PartnerAuditJson : System.Text.Json.Serialization.JsonSerializerContext;
