namespace Assistance.Application.Behaviours;

using FluentValidation;
using MediatR;

/// <summary>
/// Shape checks (FluentValidation, and the limits the contract declares) before any handler runs; failures become
/// one 400 with an errors map (<see cref="RequestValidation"/>, shared with <see cref="QueryDirectPath{TQuery, TResult}"/>).
/// </summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (await RequestValidation.FailuresAsync(request, validators, cancellationToken).ConfigureAwait(false) is { } failures)
        {
            throw new ValidationException(failures);
        }

        return await next().ConfigureAwait(false);
    }
}
