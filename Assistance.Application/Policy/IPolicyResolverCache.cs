namespace Assistance.Application.Policy;

using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>
/// The replica's cache of resolvers, read without a round trip and without the request's database session. A fresh
/// entry is exact outside a command (every change to parameters, regions or the calendar empties the cache, see
/// <see cref="IPolicyStore.ResolverForAsync"/>); on a miss, or inside a command, <see cref="IPolicyStore"/> decides.
/// </summary>
public interface IPolicyResolverCache
{
    bool TryGetFresh(RegionCode region, out ParameterResolver resolver);
}
