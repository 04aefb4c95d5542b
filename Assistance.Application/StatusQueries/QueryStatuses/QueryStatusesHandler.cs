namespace Assistance.Application.StatusQueries.QueryStatuses;

using Assistance.Application.Abstractions;

public sealed class QueryStatusesHandler(IBeneficiaryStatusLookup lookup, ICurrentUser user) : IQueryHandler<QueryStatusesQuery, StatusQueryResult>
{
    public async Task<StatusQueryResult> Handle(QueryStatusesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new StatusQueryResult(await lookup.AnswerAsync(user.Scope, request.Items, cancellationToken).ConfigureAwait(false));
    }
}
