namespace Assistance.Application.Reviews.ListReviews;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Enrolments;

public sealed class ListReviewsHandler(IEnrolmentRepository enrolments, IReviewRepository reviews, ICurrentUser user, CursorCodec cursors)
    : IQueryHandler<ListReviewsQuery, Page<ReviewDto>>
{
    public async Task<Page<ReviewDto>> Handle(ListReviewsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // An enrolment outside the caller's region does not exist (404), rather than having no reviews.
        _ = await enrolments.GetAsync(user.Scope, request.EnrolmentId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Enrolment", request.EnrolmentId.ToString());
        var limit = request.Limit ?? Cursor.DefaultLimit;
        var filters = $"reviews|{request.EnrolmentId}";
        Guid? after = cursors.Decode(request.Cursor, filters) is { } p ? (Guid.TryParse(p, out var id) ? id : throw CursorCodec.Invalid()) : null;
        var rows = await reviews.ListForEnrolmentAsync(user.Scope, request.EnrolmentId, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Review.Id.ToString(), filters);
            rows = rows.Take(limit).ToList();
        }

        return new Page<ReviewDto>(rows.Select(r => ReviewDto.From(r.Review, r.AssessmentJson, r.RecordedBy)).ToList(), next);
    }
}
