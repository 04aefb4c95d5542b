namespace Assistance.Application.ReviewMoratoriums.ListReviewMoratoriums;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>Moratoriums covering a region: its subtree's and its ancestors'.</summary>
public sealed record ListReviewMoratoriumsQuery(string? RegionCode, int? Limit, string? Cursor) : IQuery<Page<ReviewMoratoriumDto>>;
