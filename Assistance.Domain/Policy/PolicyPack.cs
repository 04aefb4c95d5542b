namespace Assistance.Domain.Policy;

using Assistance.Domain.Regions;

/// <summary>One jurisdiction's parameter values as read from a policy pack file (policy/packs/*.json).</summary>
public sealed record PolicyPack(RegionCode Region, string Title, IReadOnlyList<ParameterValue> Values);
