namespace Assistance.Application.Applications.ListApplications;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ListApplicationsHandler(IApplicationQueries queries, ICurrentUser user, TimeProvider clock, Common.CursorCodec cursors)
    : IQueryHandler<ListApplicationsQuery, Page<ApplicationSummaryDto>>
{
    public async Task<Page<ApplicationSummaryDto>> Handle(ListApplicationsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = scope.Root;

        var limit = request.Limit ?? Common.Cursor.DefaultLimit;
        var today = clock.Today();
        var filters = $"applications|{region}|{request.Status}|{request.Programme}|{request.Overdue}|{request.Flagged}";
        Guid? after = cursors.Decode(request.Cursor, filters) is { } position ? (Guid.TryParse(position, out var id) ? id : throw Common.CursorCodec.Invalid()) : null;
        var rows = await queries.ListAsync(scope, request.Status, request.Programme, request.Overdue == true, request.Flagged, today, after, limit + 1, cancellationToken)
            .ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Id.ToString(), filters);
            rows = rows.Take(limit).ToList();
        }

        return new Page<ApplicationSummaryDto>(rows, next);
    }
}
