namespace Assistance.Application.Behaviours;

using System.Diagnostics;
using Assistance.Application.Abstractions;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;

/// <summary>
/// A read-only query without the mediator, for the hottest endpoints (issue 13: the status query; issue 14: the
/// assessment). MediatR resolves six behaviours and their dependencies per request although a query uses only three
/// of them; the other three (foreign-holder conflict, unit of work, domain events) pass a query straight through.
/// Those three are kept here, in the pipeline's order and with its outcomes, by the same code where it can be shared:
/// the use-case span and log lines (<see cref="LoggingBehaviour{TRequest, TResponse}"/>), database errors translated
/// (<see cref="DatabaseErrorBehaviour{TRequest, TResponse}"/>), then the validators and declared limits
/// (<see cref="RequestValidation"/>, the same 400), then the same handler. Authorization (scopes, region scope,
/// row-level security) stays where it is: endpoint, repositories, database.
/// </summary>
/// <typeparam name="TQuery">The query; never a command (a command needs the unit of work).</typeparam>
/// <typeparam name="TResult">What the handler answers.</typeparam>
public sealed class QueryDirectPath<TQuery, TResult>(
    IEnumerable<IValidator<TQuery>> validators,
    IRequestHandler<TQuery, TResult> handler,
    ILogger<LoggingBehaviour<TQuery, TResult>> logger,
    IDatabaseErrorTranslator translator)
    where TQuery : IQuery<TResult>
{
    public async Task<TResult> SendAsync(TQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var started = Stopwatch.GetTimestamp();
        var name = typeof(TQuery).Name;
        using var activity = AssistanceTelemetry.Source.StartActivity(name);
        try
        {
            TResult response;
            try
            {
                if (await RequestValidation.FailuresAsync(query, validators, cancellationToken).ConfigureAwait(false) is { } failures)
                {
                    throw new ValidationException(failures);
                }

                response = await handler.Handle(query, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (translator.Translate(ex) is { } translated)
            {
                throw translated;
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LoggingBehaviour<TQuery, TResult>.LogHandled(logger, name, elapsed);
            return response;
        }
        catch (Exception ex)
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var exceptionName = ex.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, exceptionName);
            LoggingBehaviour<TQuery, TResult>.LogFailed(logger, name, exceptionName, elapsedMs);
            throw;
        }
    }
}
