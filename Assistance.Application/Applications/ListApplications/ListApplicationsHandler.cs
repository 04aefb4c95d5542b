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
        var after = cursors.DecodeId(request.Cursor, filters);
        var rows = await queries.ListAsync(scope, request.Status, request.Programme, request.Overdue == true, request.Flagged, today, after, limit + 1, cancellationToken)
            .ConfigureAwait(false);
        return cursors.Page(rows, limit, filters, a => a.Id.ToString(), a => a);
    }
}
