namespace Assistance.Application.StatusQueries;

using Assistance.Application.Behaviours;
using Assistance.Application.StatusQueries.QueryStatuses;

/// <summary>
/// The synchronous status query (issue 13: the hottest endpoint) without the mediator pipeline: the read-only query
/// path shared with the assessment (<see cref="QueryDirectPath{TQuery, TResult}"/>) keeps the use case span, the
/// validator's checks (<see cref="StatusQueryItemsValidation.Check"/> through <see cref="QueryStatusesValidator"/>, the
/// same 400), the same handler and the database-error translation. Authorization (scope, region, row-level security)
/// and the partner audit stay where they are (endpoint, lookup, middleware).
/// </summary>
public sealed class StatusQueryDirectPath(QueryDirectPath<QueryStatusesQuery, StatusQueryResult> path)
{
    public Task<StatusQueryResult> QueryAsync(IReadOnlyList<StatusQueryItem> items, CancellationToken cancellationToken) =>
        path.SendAsync(new QueryStatusesQuery(items), cancellationToken);
}
