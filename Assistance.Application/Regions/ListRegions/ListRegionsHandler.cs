namespace Assistance.Application.Regions.ListRegions;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Regions;

public sealed class ListRegionsHandler(IRegionQueries regions) : IQueryHandler<ListRegionsQuery, IReadOnlyList<RegionDto>>
{
    public async Task<IReadOnlyList<RegionDto>> Handle(ListRegionsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ParentCode is not null)
        {
            RegionCode.Parse(request.ParentCode, "parentCode");
            if (await regions.FindAsync(request.ParentCode, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new NotFoundException("Region", request.ParentCode);
            }
        }

        return await regions.ListChildrenAsync(request.ParentCode, cancellationToken).ConfigureAwait(false);
    }
}
