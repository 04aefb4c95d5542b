namespace Assistance.Application.Reviews.ListReviews;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>The reviews of one enrolment, oldest first.</summary>
public sealed record ListReviewsQuery(Guid EnrolmentId, int? Limit, string? Cursor) : IQuery<Page<ReviewDto>>;
