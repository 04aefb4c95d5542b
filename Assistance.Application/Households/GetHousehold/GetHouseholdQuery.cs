namespace Assistance.Application.Households.GetHousehold;

using Assistance.Application.Abstractions;

/// <summary>One household; 404 when unknown or outside the caller's region.</summary>
public sealed record GetHouseholdQuery(Guid Id) : IQuery<HouseholdDto>;
