namespace Assistance.Application.PriceIndices.ListPriceIndices;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed record ListPriceIndicesQuery(string? RegionCode, int? Limit, string? Cursor) : IQuery<Page<PriceIndexDto>>;
