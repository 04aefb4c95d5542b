namespace Assistance.Application.Policy.GetResolvedParameters;

using Assistance.Application.Abstractions;
using Assistance.Domain.Households;

/// <summary>
/// The resolved parameter set for a region on a date, optionally as believed at an instant. Residence-scoped
/// values: with <c>Residence</c>, the set a household of that type sees; without it, both sets, a key listed once when
/// urban and rural households see the same value and once per value when they differ.
/// </summary>
public sealed record GetResolvedParametersQuery(string? RegionCode, DateOnly? On, DateTimeOffset? AsOf, ResidenceType? Residence = null) : IQuery<ResolvedParametersDto>;
