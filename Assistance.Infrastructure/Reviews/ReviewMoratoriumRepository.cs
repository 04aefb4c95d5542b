namespace Assistance.Infrastructure.Reviews;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Events;
using Assistance.Application.ReviewMoratoriums;
using Assistance.Domain.Regions;
using Assistance.Domain.Reviews;
using Assistance.Infrastructure.Persistence;
using Dapper;

/// <summary>Review moratoriums: readable in the caller's subtree and by its ancestors' moratoriums, writable in the subtree.</summary>
public sealed class ReviewMoratoriumRepository(DbSession session, TimeProvider clock, DomainEventCollector events) : IReviewMoratoriumRepository
{
    private const string Columns = """
        id AS Id, region_code AS RegionCode, starts_on AS StartsOn, ends_on AS EndsOn, reason AS Reason, source AS Source, end_source AS EndSource,
        version AS Version
        """;

    // Covers the scope: inside its subtree, or an ancestor of its root.
    private const string Covers = "(starts_with(region_code, @prefix) OR starts_with(@prefix, subtree_prefix))";

    public async Task AddAsync(RegionScope scope, ReviewMoratorium moratorium, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(moratorium);
        scope.Require(moratorium.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO review_moratoriums (id, region_code, subtree_prefix, starts_on, ends_on, reason, source, end_source, version, created_at, updated_at)
            VALUES (@Id, @RegionCode, @Prefix, @From, @To, @Reason, @Source, @EndSource, 1, @now, @now)
            """,
            new
            {
                moratorium.Id,
                RegionCode = moratorium.Region.Value,
                Prefix = moratorium.Region.SubtreePrefix,
                moratorium.From,
                moratorium.To,
                moratorium.Reason,
                moratorium.Source,
                moratorium.EndSource,
                now,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        moratorium.SetVersion(1);
        events.Collect(moratorium);
    }

    public async Task<ReviewMoratorium?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM review_moratoriums WHERE id = @id AND {Covers}",
            new { id, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToMoratorium();
    }

    public async Task SaveAsync(RegionScope scope, ReviewMoratorium moratorium, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(moratorium);
        scope.Require(moratorium.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE review_moratoriums SET starts_on = @From, ends_on = @To, reason = @Reason, source = @Source, end_source = @EndSource,
                version = version + 1, updated_at = @now
            WHERE id = @Id AND version = @expectedVersion AND starts_with(region_code, @prefix)
            RETURNING version
            """,
            new
            {
                moratorium.Id,
                moratorium.From,
                moratorium.To,
                moratorium.Reason,
                moratorium.Source,
                moratorium.EndSource,
                expectedVersion,
                prefix = scope.Prefix,
                now = clock.GetUtcNow(),
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new VersionMismatchException("ReviewMoratorium", expectedVersion, expectedVersion + 1);
        moratorium.SetVersion(version);
        events.Collect(moratorium);
    }

    public async Task<IReadOnlyList<ReviewMoratorium>> ListAsync(RegionScope scope, Guid? afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM review_moratoriums WHERE {Covers} AND (@afterId::uuid IS NULL OR id > @afterId) ORDER BY id LIMIT @limit",
            new { prefix = scope.Prefix, afterId, limit }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToMoratorium()).ToList();
    }

    private sealed class Row
    {
        public Guid Id { get; init; }

        public string RegionCode { get; init; } = string.Empty;

        public DateOnly StartsOn { get; init; }

        public DateOnly? EndsOn { get; init; }

        public string Reason { get; init; } = string.Empty;

        public string Source { get; init; } = string.Empty;

        public string? EndSource { get; init; }

        public long Version { get; init; }

        public ReviewMoratorium ToMoratorium() =>
            ReviewMoratorium.Restore(Id, Domain.Regions.RegionCode.Parse(RegionCode), StartsOn, EndsOn, Reason, Source, EndSource, Version);
    }
}
