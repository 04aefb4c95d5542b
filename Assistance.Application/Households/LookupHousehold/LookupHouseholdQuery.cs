namespace Assistance.Application.Households.LookupHousehold;

using System.ComponentModel.DataAnnotations;
using Assistance.Application.Abstractions;

/// <summary>The household holding a person, found by ID number sent in the body (never in a URL).</summary>
/// <param name="IdNumber">The person's national ID number.</param>
public sealed record LookupHouseholdQuery([property: Required, MaxLength(18)] string? IdNumber) : IQuery<HouseholdDto>;
