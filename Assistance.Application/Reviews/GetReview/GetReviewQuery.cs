namespace Assistance.Application.Reviews.GetReview;

using Assistance.Application.Abstractions;

public sealed record GetReviewQuery(Guid EnrolmentId, Guid ReviewId) : IQuery<ReviewDto>;
