namespace Assistance.Application.Policy.GetParameterHistory;

using Assistance.Application.Abstractions;
using Assistance.Domain.Households;

/// <summary>Every dated value of one key for a region and its ancestors, superseded ones included .</summary>
public sealed record GetParameterHistoryQuery(string Key, string? RegionCode, DateTimeOffset? AsOf, ResidenceType? Residence = null) : IQuery<ParameterHistoryDto>;
