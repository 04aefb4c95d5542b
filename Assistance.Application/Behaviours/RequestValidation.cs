namespace Assistance.Application.Behaviours;

using FluentValidation;
using FluentValidation.Results;

/// <summary>
/// A validator that can confirm a request valid without FluentValidation's context, result and failure objects (a hot
/// path that must not allocate for a valid request). True only when validating would report nothing: this validator's
/// rules and the limits the request's records declare (<see cref="DeclaredLimits"/>). False means "not sure": the full
/// validation then runs and reports exactly what it always reports.
/// </summary>
/// <typeparam name="TRequest">The request validated.</typeparam>
public interface IConfirmsValidRequests<in TRequest>
{
    bool ConfirmsValid(TRequest request);
}

/// <summary>
/// The validation step shared by <see cref="ValidationBehaviour{TRequest, TResponse}"/> and
/// <see cref="QueryDirectPath{TQuery, TResult}"/>, so a query validated on either path gets the same failures.
/// </summary>
public static class RequestValidation
{
    /// <summary>Every validator's failures, then the declared limits not already reported for a field; null when valid.</summary>
    public static async Task<List<ValidationFailure>?> FailuresAsync<TRequest>(
        TRequest request, IEnumerable<IValidator<TRequest>> validators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validators);
        List<ValidationFailure>? failures = null;
        var limitsConfirmed = false;
        foreach (var validator in validators)
        {
            if (validator is IConfirmsValidRequests<TRequest> confirming && confirming.ConfirmsValid(request))
            {
                limitsConfirmed = true;
                continue;
            }

            var result = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            if (!result.IsValid)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }

        if (request is not null and not IChecksItsDeclaredLimits && !limitsConfirmed)
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

        return failures;
    }
}
