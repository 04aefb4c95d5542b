namespace Assistance.Application.Regions.GetRegion;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetRegionHandler(IRegionQueries regions) : IQueryHandler<GetRegionQuery, RegionDto>
{
    public async Task<RegionDto> Handle(GetRegionQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await regions.FindAsync(request.Code, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Region", request.Code);
    }
}
