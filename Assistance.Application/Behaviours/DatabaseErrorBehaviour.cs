namespace Assistance.Application.Behaviours;

using Assistance.Application.Abstractions;
using MediatR;

/// <summary>
/// Outside the unit of work (after its retries): a driver error that means "database unavailable" leaves the
/// application as <see cref="Common.DatabaseUnavailableException"/>, so the API maps it without knowing PostgreSQL.
/// </summary>
public sealed class DatabaseErrorBehaviour<TRequest, TResponse>(IDatabaseErrorTranslator translator) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next().ConfigureAwait(false);
        }
        catch (Exception ex) when (translator.Translate(ex) is { } translated)
        {
            throw translated;
        }
    }
}
