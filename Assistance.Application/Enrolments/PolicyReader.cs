namespace Assistance.Application.Enrolments;

using Assistance.Application.Policy;
using Assistance.Domain.Common;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>The parameters in force for a region on a date, for rules outside the engine .</summary>
public static class PolicyReader
{
    public static async Task<TracedParameterReader> ForAsync(IPolicyStore store, RegionCode region, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var resolver = await store.ResolverForAsync(region, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainValidationException("regionCode", $"Region {region} is not in the register.");
        return new TracedParameterReader(resolver.ResolveAll(region, date), trace: false);
    }

    /// <summary>
    /// <c>dibao.gradualExit.maxMonths</c> for a region on a date; none in force is 0 (no gradual exit). The one
    /// reading for both ways a gradual exit starts: a review's GradualExit outcome and a caseworker's status change.
    /// </summary>
    public static async Task<int> GradualExitMaxMonthsAsync(IPolicyStore store, RegionCode region, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var resolver = await store.ResolverForAsync(region, cancellationToken).ConfigureAwait(false)
            ?? throw new Common.NotFoundException("Region", region.Value);
        var value = resolver.Resolve(ParameterCatalog.GradualExitMaxMonths.Key, region, on)?.Value;
        return value is null || value.IsNull ? 0 : value.AsInteger();
    }
}
