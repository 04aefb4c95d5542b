namespace Assistance.Application.StatusQueries.QueryStatuses;

using FluentValidation;
using FluentValidation.Results;

/// <summary>
/// The hottest request of the API (issue 13) is checked in one pass over the items, without FluentValidation's
/// per-item child validators or the reflective walk of <see cref="Behaviours.DeclaredLimits"/>: the query declares
/// (<see cref="Behaviours.IChecksItsDeclaredLimits"/>) that this validator applies the declared limits itself, with the
/// same fields and wording (<see cref="StatusQueryItemsValidation.Check"/>).
/// </summary>
public sealed class QueryStatusesValidator : AbstractValidator<QueryStatusesQuery>, Behaviours.IConfirmsValidRequests<QueryStatusesQuery>
{
    private readonly int synchronousLimit;

    public QueryStatusesValidator(StatusQueryLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        synchronousLimit = limits.SynchronousLimit;
    }

    public override ValidationResult Validate(ValidationContext<QueryStatusesQuery> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return StatusQueryItemsValidation.Check(context.InstanceToValidate.Items, synchronousLimit) is { } failures
            ? new ValidationResult(failures)
            : new ValidationResult();
    }

    /// <summary>The same one pass; a valid batch needs no validation context or result (the direct path, issue 13).</summary>
    public bool ConfirmsValid(QueryStatusesQuery request) =>
        request is not null && StatusQueryItemsValidation.Check(request.Items, synchronousLimit) is null;

    public override Task<ValidationResult> ValidateAsync(ValidationContext<QueryStatusesQuery> context, CancellationToken cancellation = default) =>
        Task.FromResult(Validate(context));
}
