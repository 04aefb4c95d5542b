namespace Assistance.Infrastructure.Partners;

using Assistance.Application.Abstractions;
using Assistance.Application.StatusQueries;
using Assistance.Domain.Applications;
using Assistance.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// The hottest read of the API: a whole batch of ID numbers in one statement (<c>unnest</c> of the batch joined to the
/// covering partial index <c>ix_enrolment_persons_status</c> of active enrolment persons, then the enrolment by key),
/// auto-prepared by Npgsql (same text every time), typed parameters (no boxing), rows read by ordinal into the answer
/// array. Unknown numbers and numbers outside the scope simply have no row and get the same answer. A partner's call
/// carries its audit row in the same batch: the answer and the record of who asked commit together, on the one
/// connection the request holds, in one round trip.
/// </summary>
public sealed class BeneficiaryStatusLookup(DbSession session, PartnerCallAudit audit) : IBeneficiaryStatusLookup
{
    public const string Sql =
        """
        SELECT q.ord::int4, p.programme, e.start_month, p.region_code
        FROM unnest($1::text[]) WITH ORDINALITY AS q(id_number, ord)
        JOIN enrolment_persons p ON p.id_number = q.id_number AND p.active
        JOIN enrolments e ON e.id = p.enrolment_id
        WHERE starts_with(p.region_code, $2)
        """;

    private const string SetRegionSql = "SELECT set_config('assistance.region_prefix', $1, true)";

    /// <summary>The status of an answered synchronous query, as the audit row records it.</summary>
    private const int StatusCodeOk = 200;

    public async Task<StatusAnswer[]> AnswerAsync(RegionScope scope, IReadOnlyList<StatusQueryItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(items);
        // One round trip: outside a unit of work the region setting travels in the same batch as the lookup (the
        // batch is its own implicit transaction, so the setting ends with it), instead of BEGIN + set_config, the
        // lookup and a ROLLBACK when the request's session is disposed.
        var (connection, transaction, regionPrefixToSet) = await session.BatchedReadAsync(cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(connection, transaction, regionPrefixToSet, regionPrefixToSet is null ? null : audit, scope.Prefix, items, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The lookup on a connection whose transaction already carries the region scope (also used by the job worker).</summary>
    internal static Task<StatusAnswer[]> AnswerAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string prefix, IReadOnlyList<StatusQueryItem> items, CancellationToken cancellationToken) =>
        AnswerAsync(connection, transaction, null, null, prefix, items, cancellationToken);

    private static async Task<StatusAnswer[]> AnswerAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string? regionPrefixToSet, PartnerCallAudit? audit, string prefix,
        IReadOnlyList<StatusQueryItem> items, CancellationToken cancellationToken)
    {
        var idNumbers = new string[items.Count];
        for (var i = 0; i < idNumbers.Length; i++)
        {
            idNumbers[i] = items[i].IdNumber;
        }

        var found = new List<ProgrammeStatus>?[items.Count];
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            if (regionPrefixToSet is not null)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(SetRegionSql)
                {
                    Parameters = { new NpgsqlParameter<string> { TypedValue = regionPrefixToSet, NpgsqlDbType = NpgsqlDbType.Text } },
                });
            }

            var lookup = new NpgsqlBatchCommand(Sql);
            lookup.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = idNumbers, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            lookup.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix, NpgsqlDbType = NpgsqlDbType.Text });
            batch.BatchCommands.Add(lookup);
            var audited = audit?.TryAppendTo(batch, StatusCodeOk, items.Count) == true;
            try
            {
                await ReadAsync(batch, regionPrefixToSet is not null, found, cancellationToken).ConfigureAwait(false);
            }
            catch when (audited)
            {
                audit!.Untake(); // rolled back with the batch: the call is recorded after its response instead
                throw;
            }
        }

        var answers = new StatusAnswer[items.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = found[i] is { } programmes ? new StatusAnswer(items[i].ReferenceId, true, programmes) : StatusAnswer.NotBeneficiary(items[i].ReferenceId);
        }

        return answers;
    }

    private static async Task ReadAsync(NpgsqlBatch batch, bool skipRegionSetting, List<ProgrammeStatus>?[] found, CancellationToken cancellationToken)
    {
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (skipRegionSetting)
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var index = reader.GetInt32(0) - 1;
            var status = new ProgrammeStatus(ParseProgramme(reader.GetString(1)), reader.GetFieldValue<DateOnly>(2), reader.GetString(3));
            (found[index] ??= new List<ProgrammeStatus>(1)).Add(status);
        }

        // An audit row follows the lookup in the batch: reading on surfaces its failure before any answer leaves.
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
        }
    }

    private static Programme ParseProgramme(string value) => value switch
    {
        "Dibao" => Programme.Dibao,
        "Tekun" => Programme.Tekun,
        _ => Enum.Parse<Programme>(value),
    };
}
