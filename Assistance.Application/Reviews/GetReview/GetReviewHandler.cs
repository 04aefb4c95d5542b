namespace Assistance.Application.Reviews.GetReview;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetReviewHandler(IReviewRepository reviews, ICurrentUser user) : IQueryHandler<GetReviewQuery, ReviewDto>
{
    public async Task<ReviewDto> Handle(GetReviewQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await reviews.GetAsync(user.Scope, request.ReviewId, cancellationToken).ConfigureAwait(false);
        if (found is null || found.Review.EnrolmentId != request.EnrolmentId)
        {
            throw new NotFoundException("Review", request.ReviewId.ToString());
        }

        return ReviewDto.From(found.Review, found.AssessmentJson, found.RecordedBy);
    }
}
