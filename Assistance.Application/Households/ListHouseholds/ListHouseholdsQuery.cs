namespace Assistance.Application.Households.ListHouseholds;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>Households in a region subtree (default: the caller's region), keyset-paginated by id.</summary>
public sealed record ListHouseholdsQuery(string? RegionCode, int? Limit, string? Cursor) : IQuery<Page<HouseholdDto>>;
