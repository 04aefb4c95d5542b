namespace Assistance.Application.Reviews.ListDueReviews;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>Enrolments whose review falls due before a date, outside regions under a review moratorium .</summary>
/// <param name="RegionCode">Region subtree (defaults to the caller's region).</param>
/// <param name="Before">Due before this date (exclusive); defaults to tomorrow, i.e. everything due by today.</param>
/// <param name="Limit">Page size.</param>
/// <param name="Cursor">The nextCursor of the previous page.</param>
public sealed record ListDueReviewsQuery(string? RegionCode, DateOnly? Before, int? Limit, string? Cursor) : IQuery<Page<DueReviewDto>>;
