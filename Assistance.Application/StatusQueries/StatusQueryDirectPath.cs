namespace Assistance.Application.StatusQueries;

using Assistance.Application.Abstractions;
using Assistance.Application.StatusQueries.QueryStatuses;
using FluentValidation;
using MediatR;

/// <summary>
/// The synchronous status query (issue 13: the hottest endpoint) without the mediator pipeline, which resolves six
/// behaviours and their dependencies per request although a read-only query uses none of the unit of work, domain
/// events or foreign-holder steps. What the pipeline does for this query is kept, in the same order and with the same
/// outcomes: the validator's checks (<see cref="StatusQueryItemsValidation.Check"/>, the same 400), the use case span,
/// the same handler, and database errors translated as <see cref="Behaviours.DatabaseErrorBehaviour{TRequest, TResponse}"/>
/// does. Authorization (scope, region, row-level security) and the partner audit stay where they are (endpoint, lookup, middleware).
/// </summary>
public sealed class StatusQueryDirectPath(
    StatusQueryLimits limits, IRequestHandler<QueryStatusesQuery, StatusQueryResult> handler, IDatabaseErrorTranslator translator)
{
    public async Task<StatusQueryResult> QueryAsync(IReadOnlyList<StatusQueryItem> items, CancellationToken cancellationToken)
    {
        if (StatusQueryItemsValidation.Check(items, limits.SynchronousLimit) is { } failures)
        {
            throw new ValidationException(failures);
        }

        using var activity = AssistanceTelemetry.Source.StartActivity(nameof(QueryStatusesQuery));
        try
        {
            return await handler.Handle(new QueryStatusesQuery(items), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (translator.Translate(ex) is { } translated)
        {
            throw translated;
        }
    }
}
