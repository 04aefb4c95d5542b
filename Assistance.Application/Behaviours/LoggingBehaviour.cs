namespace Assistance.Application.Behaviours;

using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

/// <summary>Outermost behaviour: logs the use case name and duration, never the request body (personal data).</summary>
public sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        var name = typeof(TRequest).Name;
        // One span per use case, a child of the HTTP request's (null, and free, when nobody listens).
        using var activity = Abstractions.AssistanceTelemetry.Source.StartActivity(name);
        try
        {
            var response = await next().ConfigureAwait(false);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogHandled(logger, name, elapsedMs);

            return response;
        }
        catch (Exception ex)
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var exceptionName = ex.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, exceptionName);
            LogFailed(logger, name, exceptionName, elapsedMs);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {UseCase} in {ElapsedMs:0.0} ms")]
    internal static partial void LogHandled(ILogger logger, string useCase, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} ended with {Exception} after {ElapsedMs:0.0} ms")]
    internal static partial void LogFailed(ILogger logger, string useCase, string exception, double elapsedMs);
}
