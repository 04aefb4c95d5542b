namespace Assistance.Application.Regions;

using Assistance.Domain.Regions;

public interface IRegionQueries
{
    Task<RegionDto?> FindAsync(string code, CancellationToken cancellationToken);

    Task<IReadOnlyList<RegionDto>> ListChildrenAsync(string? parentCode, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(RegionCode code, CancellationToken cancellationToken);
}
