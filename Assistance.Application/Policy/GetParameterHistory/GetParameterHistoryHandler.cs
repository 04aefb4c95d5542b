namespace Assistance.Application.Policy.GetParameterHistory;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Regions;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;
using FluentValidation;

public sealed class GetParameterHistoryHandler(IPolicyStore store, IRegionQueries regions) : IQueryHandler<GetParameterHistoryQuery, ParameterHistoryDto>
{
    public async Task<ParameterHistoryDto> Handle(GetParameterHistoryQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ParameterCatalog.TryGet(request.Key, out _))
        {
            throw new NotFoundException("Parameter", request.Key);
        }

        var region = RegionCode.Parse(request.RegionCode);
        if (!await regions.ExistsAsync(region, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("Region", region.Value);
        }

        var values = await store.HistoryAsync(request.Key, region, cancellationToken).ConfigureAwait(false);
        var visible = values
            .Where(v => request.AsOf is null || v.Value.IsVisibleAsOf(request.AsOf))
            .Where(v => request.Residence is null || v.Value.AppliesTo(request.Residence))
            .Select(ParameterValueDto.From).ToList();
        return new ParameterHistoryDto(request.Key, region.Value, request.AsOf, request.Residence, visible);
    }
}
