namespace Assistance.Infrastructure.Payments;

using Assistance.Application.Abstractions;
using Assistance.Application.PaymentRolls;
using Assistance.Application.PriceIndices;
using Assistance.Domain.Common;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Npgsql;

public sealed class PriceIndexRepository(DbSession session) : IPriceIndexRepository
{
    private const string Columns = """
        id AS Id, region_code AS RegionCode, index_month AS IndexMonth, cpi_percent AS CpiPercent, food_cpi_percent AS FoodCpiPercent,
        published_on AS PublishedOn, source AS Source, recorded_by AS RecordedBy, recorded_at AS RecordedAt
        """;

    static PriceIndexRepository() => Workflow.DateOnlyTypeHandler.Register();

    public async Task AddAsync(RegionScope scope, PriceIndexDto index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(index);
        scope.Require(RegionCode.Parse(index.RegionCode));
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO price_indices (id, region_code, index_month, cpi_percent, food_cpi_percent, published_on, source, recorded_by, recorded_at)
                VALUES (@Id, @RegionCode, @month, @CpiPercent, @FoodCpiPercent, @PublishedOn, @Source, @RecordedBy, @RecordedAt)
                """,
                new
                {
                    index.Id,
                    index.RegionCode,
                    month = Months.Parse(index.IndexMonth),
                    index.CpiPercent,
                    index.FoodCpiPercent,
                    index.PublishedOn,
                    index.Source,
                    index.RecordedBy,
                    index.RecordedAt,
                },
                session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new BusinessRuleViolationException(
                "price-index.exists", "An index of that month is already recorded for the region; indices are not overwritten (rolls may have paid it).", "R-41");
        }
    }

    public async Task<IReadOnlyList<PriceIndexDto>> ListAsync(RegionScope scope, RegionCode region, (DateOnly Month, Guid Id)? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM price_indices
            WHERE (starts_with(region_code, @prefix) OR region_code = ANY(@ancestors))
              AND (@afterMonth::date IS NULL OR (index_month, id) < (@afterMonth::date, @afterId::uuid))
            ORDER BY index_month DESC, id DESC
            LIMIT @limit
            """,
            new
            {
                prefix = region.SubtreePrefix,
                ancestors = region.SelfAndAncestors().Select(r => r.Value).ToArray(),
                afterMonth = after?.Month,
                afterId = after?.Id,
                limit,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToDto()).ToList();
    }

    public async Task<PriceIndexDto?> PublishedInAsync(RegionScope scope, RegionCode region, DateOnly month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var chain = region.SelfAndAncestors().Select(r => r.Value).ToArray();
        var row = await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM price_indices
            WHERE region_code = ANY(@chain) AND published_on >= @month AND published_on < (@month + interval '1 month')::date
            ORDER BY array_position(@chain, region_code::text), index_month DESC
            LIMIT 1
            """,
            new { chain, month }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToDto();
    }

    public async Task<SubsidyPaymentCounts> SubsidyPaymentsAsync(
        RegionScope scope, RegionCode region, Guid priceIndexId, DateTimeOffset deadlineExclusive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Require(region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Per covered enrolment: a failed line re-issued later counts once, as its re-issue.
        return await connection.QuerySingleAsync<SubsidyPaymentCounts>(new CommandDefinition(
            """
            SELECT count(DISTINCT l.enrolment_id)::integer AS Lines,
                   coalesce(sum(l.amount) FILTER (WHERE l.status <> 'Failed'), 0) AS Amount,
                   count(DISTINCT l.enrolment_id) FILTER (WHERE l.status = 'Paid')::integer AS PaidLines,
                   count(DISTINCT l.enrolment_id) FILTER (WHERE l.status = 'Paid' AND l.status_at < @deadline)::integer AS PaidByDeadline,
                   coalesce(sum(l.amount) FILTER (WHERE l.status = 'Paid'), 0) AS PaidAmount
            FROM payment_roll_lines l
            WHERE l.kind = 'PriceSubsidy' AND l.price_index_id = @priceIndexId AND l.live AND starts_with(l.region_code, @prefix)
            """,
            new { priceIndexId, deadline = deadlineExclusive, prefix = region.SubtreePrefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private sealed class Row
    {
        public Guid Id { get; init; }

        public string RegionCode { get; init; } = string.Empty;

        public DateOnly IndexMonth { get; init; }

        public decimal CpiPercent { get; init; }

        public decimal FoodCpiPercent { get; init; }

        public DateOnly PublishedOn { get; init; }

        public string Source { get; init; } = string.Empty;

        public string RecordedBy { get; init; } = string.Empty;

        public DateTimeOffset RecordedAt { get; init; }

        public PriceIndexDto ToDto() => new(Id, RegionCode, Months.Format(IndexMonth), CpiPercent, FoodCpiPercent, PublishedOn, Source, RecordedBy, RecordedAt);
    }
}
