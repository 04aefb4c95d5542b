namespace Assistance.Application.Assessments.AssessStoredHousehold;

using Assistance.Application.Abstractions;

/// <summary>Assesses a household of the register as it is stored now, on the given date. Nothing is stored.</summary>
public sealed record AssessStoredHouseholdQuery(Guid HouseholdId, StoredHouseholdAssessmentRequest Request) : IQuery<AssessmentResponse>;
