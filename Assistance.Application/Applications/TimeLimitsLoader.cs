namespace Assistance.Application.Applications;

using Assistance.Domain.Applications;
using Assistance.Domain.Regions;

/// <summary>Loads the statutory time limits (deadline.* parameters, R-50) of the region where a case is handled.</summary>
public static class TimeLimitsLoader
{
    public static async Task<StatutoryTimeLimits> TimeLimitsAsync(this Policy.IPolicyStore store, RegionCode region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var resolver = await store.ResolverForAsync(region, cancellationToken).ConfigureAwait(false)
            ?? throw new Common.NotFoundException("Region", region.Value);
        return new StatutoryTimeLimits(resolver, region);
    }
}
