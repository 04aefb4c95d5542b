namespace Assistance.Application.Regions.ListRegions;

using Assistance.Application.Abstractions;

/// <summary>Children of a region, or the top level (national) when no parent is given.</summary>
public sealed record ListRegionsQuery(string? ParentCode) : IQuery<IReadOnlyList<RegionDto>>;
