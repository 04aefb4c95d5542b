namespace Assistance.Application.Behaviours;

using Assistance.Application.Abstractions;
using Assistance.Application.Events;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Innermost step for commands, inside the unit of work: after the handler, the domain events its aggregates raised go to
/// every <see cref="IDomainEventSink"/> (the audit trail today, an outbox later) in the same transaction, so a change and
/// its record commit together or not at all.
/// </summary>
public sealed class DomainEventsBehaviour<TRequest, TResponse>(IServiceProvider services)
    : IPipelineBehavior<TRequest, TResponse>
{
    // The collector and the sinks (with their repositories) are resolved for commands only: a query passes through
    // without building them (issue 14: the per-request resolution showed in the profile of POST /assessments).
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is not ICommandMarker)
        {
            return await next().ConfigureAwait(false);
        }

        var queue = services.GetRequiredService<DomainEventCollector>();
        queue.Reset();
        var response = await next().ConfigureAwait(false);
        var events = queue.Drain();
        if (events.Count > 0)
        {
            foreach (var sink in services.GetServices<IDomainEventSink>())
            {
                await sink.WriteAsync(events, request, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }
}
