namespace Assistance.Application.Regions;

using System.ComponentModel.DataAnnotations;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Regions;

/// <summary>A region of the register (行政区划).</summary>
/// <param name="Code">GB/T 2260 / GB/T 10114 code: 6, 9 or 12 digits.</param>
/// <param name="Name">Official name.</param>
/// <param name="ParentCode">Parent region; null for the national level.</param>
/// <param name="Level">National, Province, City, County, Township or Village.</param>
public sealed record RegionDto(
    [property: MaxLength(12)] string Code,
    [property: MaxLength(100)] string Name,
    [property: MaxLength(12)] string? ParentCode,
    [property: MaxLength(10)] string Level);

public interface IRegionQueries
{
    Task<RegionDto?> FindAsync(string code, CancellationToken cancellationToken);

    Task<IReadOnlyList<RegionDto>> ListChildrenAsync(string? parentCode, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(RegionCode code, CancellationToken cancellationToken);
}

/// <summary>Regions are public reference data: any authenticated caller may read them.</summary>
public sealed record GetRegionQuery(string Code) : IQuery<RegionDto>;

public sealed class GetRegionHandler(IRegionQueries regions) : IQueryHandler<GetRegionQuery, RegionDto>
{
    public async Task<RegionDto> Handle(GetRegionQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await regions.FindAsync(request.Code, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Region", request.Code);
    }
}

/// <summary>Children of a region, or the top level (national) when no parent is given.</summary>
public sealed record ListRegionsQuery(string? ParentCode) : IQuery<IReadOnlyList<RegionDto>>;

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
