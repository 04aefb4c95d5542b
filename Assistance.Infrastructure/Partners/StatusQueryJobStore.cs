namespace Assistance.Infrastructure.Partners;

using System.Text.Json;
using Assistance.Application.Abstractions;
using Assistance.Application.StatusQueries;
using Assistance.Infrastructure.Persistence;
using Dapper;

/// <summary>Asynchronous status-query jobs in <c>status_query_jobs</c> (0200); the items and answers are jsonb.</summary>
public sealed class StatusQueryJobStore(DbSession session, TimeProvider clock) : IStatusQueryJobStore
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task CreateAsync(RegionScope scope, Guid id, string subject, string? agency, IReadOnlyList<StatusQueryItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(items);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO status_query_jobs (id, subject, agency, scope_prefix, status, item_count, items, created_at)
            VALUES (@id, @subject, @agency, @prefix, 'Pending', @count, @items::jsonb, @now)
            """,
            new { id, subject, agency, prefix = scope.DatabasePrefix, count = items.Count, items = JsonSerializer.Serialize(items, Json), now = clock.GetUtcNow() },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<StatusQueryJobDto?> FindAsync(RegionScope scope, Guid id, string subject, string? agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            """
            SELECT id, status, item_count, created_at, completed_at, results::text AS results
            FROM status_query_jobs
            WHERE id = @id AND subject = @subject AND agency IS NOT DISTINCT FROM @agency AND scope_prefix = @prefix
            """,
            new { id, subject, agency, prefix = scope.DatabasePrefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null
            ? null
            : new StatusQueryJobDto(
                row.Id, Enum.Parse<StatusQueryJobStatus>(row.Status), row.ItemCount, Utc(row.CreatedAt), row.CompletedAt is { } completed ? Utc(completed) : null,
                row.Results is null ? [] : JsonSerializer.Deserialize<StatusAnswer[]>(row.Results, Json)!);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record JobRow(Guid Id, string Status, int ItemCount, DateTime CreatedAt, DateTime? CompletedAt, string? Results);
}
