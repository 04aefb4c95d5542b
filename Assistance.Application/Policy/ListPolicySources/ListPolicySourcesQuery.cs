namespace Assistance.Application.Policy.ListPolicySources;

using Assistance.Application.Abstractions;

/// <summary>The documents every rule and parameter cites (S0–S4 and the national documents).</summary>
public sealed record ListPolicySourcesQuery : IQuery<IReadOnlyList<PolicySourceDto>>;
