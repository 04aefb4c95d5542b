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
        List<FluentValidation.Results.ValidationFailure>? failures = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            if (!result.IsValid)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }

        if (request is not null and not IChecksItsDeclaredLimits)
        {
            // The contract's declared limits, reported with the validators' failures (a field once).
            foreach (var limit in DeclaredLimits.Check(request))
            {
                if (failures is null || !failures.Exists(f => string.Equals(f.PropertyName, limit.PropertyName, StringComparison.OrdinalIgnoreCase)))
                {
                    (failures ??= []).Add(limit);
                }
            }
        }

        if (failures is not null)
        {
            throw new ValidationException(failures);
        }

        return await next().ConfigureAwait(false);
    }
}
