namespace Assistance.Application.Assessments.AssessHousehold;

using Assistance.Application.Abstractions;

/// <summary>Assesses a household snapshot on a date in a region (api.md). Stateless: nothing is stored.</summary>
public sealed record AssessHouseholdQuery(AssessmentRequest Request) : IQuery<AssessmentResponse>;
