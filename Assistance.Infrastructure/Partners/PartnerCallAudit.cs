namespace Assistance.Infrastructure.Partners;

using System.Text.Json;
using Npgsql;

/// <summary>
/// One audit row per partner call: who (subject and agency), which operation, the outcome and, for batches, the
/// item count — never the ID numbers of a status query. Written after the call in its own statement batch (one implicit
/// transaction that first sets the caller's region, as the audit policy of 0025 requires).
/// </summary>
public sealed class PartnerCallAudit(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task RecordAsync(PartnerCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT set_config('assistance.region_prefix', $1, true)") { Parameters = { new() { Value = call.RegionPrefix } } },
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO audit_events (id, occurred_at, actor, agency, entity_type, entity_id, action, region_code, before, after, reason, trace_id)
                    VALUES ($1, $2, $3, $4, 'PartnerCall', $5, $6, $7, NULL, $8::jsonb, NULL, $9)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = Guid.CreateVersion7() },
                        new() { Value = clock.GetUtcNow() },
                        new() { Value = call.Subject },
                        new() { Value = call.Agency },
                        new() { Value = call.Operation },
                        new() { Value = call.Method },
                        new() { Value = call.Region },
                        new() { Value = JsonSerializer.Serialize(new { status = call.Status, itemCount = call.ItemCount }) },
                        new() { Value = (object?)call.TraceId ?? DBNull.Value },
                    },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>What the audit row of a partner call records.</summary>
public sealed record PartnerCall(
    string Subject, string Agency, string Region, string RegionPrefix, string Method, string Operation, int Status, int? ItemCount, string? TraceId);
