namespace Assistance.Application.Assessments.AssessStoredHousehold;

using System.ComponentModel.DataAnnotations;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Eligibility;
using FluentValidation;

/// <param name="AsOf">The date to assess the stored household on.</param>
/// <param name="ParameterOverrides">Optional what-if parameter values for this call only.</param>
public sealed record StoredHouseholdAssessmentRequest(
    DateOnly AsOf,
    [property: MaxLength(100)] IReadOnlyDictionary<string, System.Text.Json.JsonElement>? ParameterOverrides = null);

/// <summary>Assesses a household of the register as it is stored now, on the given date. Nothing is stored.</summary>
public sealed record AssessStoredHouseholdQuery(Guid HouseholdId, StoredHouseholdAssessmentRequest Request) : IQuery<AssessmentResponse>;

public sealed class AssessStoredHouseholdValidator : AbstractValidator<AssessStoredHouseholdQuery>
{
    public AssessStoredHouseholdValidator()
    {
        RuleFor(q => q.Request).NotNull().WithName("body");
        RuleFor(q => q.Request.AsOf).NotEqual(default(DateOnly)).When(q => q.Request is not null)
            .WithMessage("asOf (YYYY-MM-DD) is required.").OverridePropertyName("asOf");
    }
}

/// <summary>Reads a stored household as the engine's input; null when unknown.</summary>
public interface IHouseholdSnapshotQueries
{
    Task<AssessmentInput?> GetAsync(RegionScope scope, Guid householdId, DateOnly asOf, CancellationToken cancellationToken);
}

public sealed class AssessStoredHouseholdHandler(IHouseholdSnapshotQueries households, EligibilityAssessor assessor, ICurrentUser user)
    : IQueryHandler<AssessStoredHouseholdQuery, AssessmentResponse>
{
    public async Task<AssessmentResponse> Handle(AssessStoredHouseholdQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var overrides = EligibilityAssessor.ReadOverrides(query.Request.ParameterOverrides);
        var input = await households.GetAsync(user.Scope, query.HouseholdId, query.Request.AsOf, cancellationToken).ConfigureAwait(false);
        if (input is null)
        {
            throw new NotFoundException("Household", query.HouseholdId.ToString());
        }

        var result = await assessor.AssessAsync(input, overrides, cancellationToken).ConfigureAwait(false);
        return AssessmentResponse.From(result);
    }
}
