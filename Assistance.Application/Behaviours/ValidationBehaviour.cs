namespace Assistance.Application.Behaviours;

using FluentValidation;
using MediatR;

/// <summary>
/// Shape checks (FluentValidation, and the limits the contract declares) before any handler runs; failures become
/// one 400 with an errors map.
/// </summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            failures.AddRange(result.Errors);
        }

        if (request is not null)
        {
            var reported = failures.Select(f => f.PropertyName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            failures.AddRange(DeclaredLimits.Check(request).Where(f => !reported.Contains(f.PropertyName)));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next().ConfigureAwait(false);
    }
}
