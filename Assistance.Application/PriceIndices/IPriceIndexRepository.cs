namespace Assistance.Application.PriceIndices;

using Assistance.Application.Abstractions;
using Assistance.Domain.Regions;

/// <summary>Price indices: written inside the caller's region; read by any caller with a region (public statistics).</summary>
public interface IPriceIndexRepository
{
    Task AddAsync(RegionScope scope, PriceIndexDto index, CancellationToken cancellationToken);

    /// <summary>Indices of the region, its subtree and its ancestors, newest index month first.</summary>
    Task<IReadOnlyList<PriceIndexDto>> ListAsync(RegionScope scope, RegionCode region, (DateOnly Month, Guid Id)? after, int limit, CancellationToken cancellationToken);

    /// <summary>The index published in <paramref name="month"/> for the region or its nearest ancestor holding one.</summary>
    Task<PriceIndexDto?> PublishedInAsync(RegionScope scope, RegionCode region, DateOnly month, CancellationToken cancellationToken);

    /// <summary>Subsidy lines of this index in the current rolls of the region, and how many were paid by <paramref name="deadlineExclusive"/>.</summary>
    Task<SubsidyPaymentCounts> SubsidyPaymentsAsync(RegionScope scope, RegionCode region, Guid priceIndexId, DateTimeOffset deadlineExclusive, CancellationToken cancellationToken);
}
