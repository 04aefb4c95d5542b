namespace Assistance.Application.ReviewMoratoriums.ListReviewMoratoriums;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ListReviewMoratoriumsHandler(IReviewMoratoriumRepository moratoriums, ICurrentUser user, CursorCodec cursors, TimeProvider clock)
    : IQueryHandler<ListReviewMoratoriumsQuery, Page<ReviewMoratoriumDto>>
{
    public async Task<Page<ReviewMoratoriumDto>> Handle(ListReviewMoratoriumsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var limit = request.Limit ?? Cursor.DefaultLimit;
        var filters = $"review-moratoriums|{scope.Root}";
        Guid? after = cursors.Decode(request.Cursor, filters) is { } p ? (Guid.TryParse(p, out var id) ? id : throw CursorCodec.Invalid()) : null;
        var rows = await moratoriums.ListAsync(scope, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Id.ToString(), filters);
            rows = rows.Take(limit).ToList();
        }

        var today = clock.Today();
        return new Page<ReviewMoratoriumDto>(rows.Select(m => ReviewMoratoriumDto.Of(m, today)).ToList(), next);
    }
}
