namespace Assistance.Application.Assessments.AssessStoredHousehold;

using System.ComponentModel.DataAnnotations;

/// <param name="AsOf">The date to assess the stored household on.</param>
/// <param name="ParameterOverrides">Optional what-if parameter values for this call only.</param>
public sealed record StoredHouseholdAssessmentRequest(
    DateOnly AsOf,
    [property: MaxLength(100)] IReadOnlyDictionary<string, System.Text.Json.JsonElement>? ParameterOverrides = null);
