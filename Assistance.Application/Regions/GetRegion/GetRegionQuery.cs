namespace Assistance.Application.Regions.GetRegion;

using Assistance.Application.Abstractions;

/// <summary>Regions are public reference data: any authenticated caller may read them.</summary>
public sealed record GetRegionQuery(string Code) : IQuery<RegionDto>;
