namespace Assistance.Application.Assessments.AssessHousehold;

using Assistance.Application.Abstractions;

/// <summary>Assesses a household snapshot on a date in a region (api.md). Stateless: nothing is stored.</summary>
/// <param name="Request">The snapshot.</param>
/// <param name="Trace">The <c>trace</c> query parameter: none, summary or full (null = full).</param>
public sealed record AssessHouseholdQuery(AssessmentRequest Request, string? Trace = null) : IQuery<AssessmentResponse>;
