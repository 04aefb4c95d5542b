namespace Assistance.Application.Reviews.ListDueReviews;

using System.Globalization;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ListDueReviewsHandler(IReviewRepository reviews, ICurrentUser user, CursorCodec cursors, TimeProvider clock)
    : IQueryHandler<ListDueReviewsQuery, Page<DueReviewDto>>
{
    public async Task<Page<DueReviewDto>> Handle(ListDueReviewsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var today = clock.Today();
        var before = request.Before ?? today.AddDays(1);
        var limit = request.Limit ?? Cursor.DefaultLimit;

        // The moratoriums are read on today's date, so the filters include it: a cursor does not outlive the day.
        var filters = string.Create(CultureInfo.InvariantCulture, $"reviews-due|{scope.Root}|{before:yyyy-MM-dd}|{today:yyyy-MM-dd}");
        var after = cursors.Decode(request.Cursor, filters) is { } p ? Parse(p) : null;
        var rows = await reviews.ListDueAsync(scope, before, today, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            var last = rows[limit - 1];
            next = cursors.Encode(string.Create(CultureInfo.InvariantCulture, $"{last.RegionCode}|{last.NextReviewOn:yyyy-MM-dd}|{last.EnrolmentId}"), filters);
            rows = rows.Take(limit).ToList();
        }

        return new Page<DueReviewDto>(rows, next);
    }

    private static DuePosition Parse(string position)
    {
        var parts = position.Split('|');
        return parts.Length == 3
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && Guid.TryParse(parts[2], out var id)
            ? new DuePosition(parts[0], date, id)
            : throw CursorCodec.Invalid();
    }
}
