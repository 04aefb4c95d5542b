namespace Assistance.Application.Policy.GetResolvedParameters;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

public sealed class GetResolvedParametersHandler(IPolicyStore store)
    : IQueryHandler<GetResolvedParametersQuery, ResolvedParametersDto>
{
    public async Task<ResolvedParametersDto> Handle(GetResolvedParametersQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var region = RegionCode.Parse(request.RegionCode);
        var resolver = await store.ResolverForAsync(region, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Region", region.Value);
        var on = request.On!.Value;
        IEnumerable<ResolvedParameter> resolved;
        if (request.Residence is { } residence)
        {
            resolved = resolver.ResolveAll(region, on, request.AsOf, residence).Resolved;
        }
        else
        {
            var urban = resolver.ResolveAll(region, on, request.AsOf, ResidenceType.Urban);
            var rural = resolver.ResolveAll(region, on, request.AsOf, ResidenceType.Rural);
            resolved = ParameterCatalog.All.SelectMany(definition => BothResidences(urban.Get(definition), rural.Get(definition)));
        }

        var parameters = resolved.Select(p =>
        {
            var definition = ParameterCatalog.Get(p.Key);
            return new ResolvedParameterDto(p.Key, definition.Type.ToString(), definition.Unit, definition.Description, PolicyJson.ToJson(p.Value),
                p.RegionCode, p.EffectiveFrom, p.EffectiveTo, p.Source, p.IsDemo, p.Residence);
        }).ToList();
        return new ResolvedParametersDto(region.Value, on, request.AsOf, request.Residence, parameters);
    }

    // Two values for both residence types found by the two walks are the same value (a value for both at a level is
    // seen by either type unless one found its own value lower down), so it is listed once.
    private static IEnumerable<ResolvedParameter> BothResidences(ResolvedParameter? urban, ResolvedParameter? rural)
    {
        if (urban is { Residence: null } && rural is { Residence: null })
        {
            yield return urban;
            yield break;
        }

        if (urban is not null)
        {
            yield return urban;
        }

        if (rural is not null)
        {
            yield return rural;
        }
    }
}
