namespace Assistance.Application.Assessments;

using Assistance.Application.Common;
using Assistance.Application.Policy;
using Assistance.Domain.Common;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>
/// Resolves the parameters for (region, date, residence type), applies what-if overrides and runs the pure engine. Shared by the
/// stateless endpoint, the stored-household endpoint and case decisions, so all three compute the same way.
/// </summary>
public sealed class EligibilityAssessor(IPolicyStore store)
{
    public async Task<AssessmentResult> AssessAsync(
        AssessmentInput input, IReadOnlyDictionary<string, ParameterValueData>? overrides, CancellationToken cancellationToken,
        TraceDetail detail = TraceDetail.Full)
    {
        ArgumentNullException.ThrowIfNull(input);
        var resolver = await ResolverAsync(store, input.Region, cancellationToken).ConfigureAwait(false);
        return Assess(resolver, input, overrides, detail);
    }

    /// <summary>The store's resolver for the region; a region not in the register is a 400 on <c>regionCode</c>.</summary>
    public static async Task<ParameterResolver> ResolverAsync(IPolicyStore store, RegionCode region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.ResolverForAsync(region, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainValidationException("regionCode", $"Region {region} is not in the register.");
    }

    /// <summary>The assessment once the resolver is known: no I/O (shared by every path that assesses).</summary>
    public static AssessmentResult Assess(
        ParameterResolver resolver, AssessmentInput input, IReadOnlyDictionary<string, ParameterValueData>? overrides, TraceDetail detail)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(input);

        // The household's residence type picks its residence-scoped values, e.g. Bengbu's 城区-only floors.
        var parameters = resolver.ResolveAll(input.Region, input.AsOf, residence: input.Residence);
        if (overrides is { Count: > 0 })
        {
            parameters = parameters.WithOverrides(overrides);
        }

        // Without a trace the engine formats no detail text: most of its cost and allocation (docs/benchmarks.md).
        var result = EligibilityEngine.Assess(input, parameters, trace: detail != TraceDetail.None);
        Abstractions.AssistanceTelemetry.Assessments.Add(1, new KeyValuePair<string, object?>("outcome", result.Outcome.ToString()));
        return result;
    }

    /// <summary>Reads api.md <c>parameterOverrides</c>: unknown keys and wrong types name the override in the error.</summary>
    public static IReadOnlyDictionary<string, ParameterValueData> ReadOverrides(IReadOnlyDictionary<string, System.Text.Json.JsonElement>? overrides)
    {
        if (overrides is not { Count: > 0 })
        {
            return System.Collections.ObjectModel.ReadOnlyDictionary<string, ParameterValueData>.Empty;
        }

        var result = new Dictionary<string, ParameterValueData>(StringComparer.Ordinal);
        foreach (var (key, json) in overrides)
        {
            if (!ParameterCatalog.TryGet(key, out var definition))
            {
                // Named by the collection, not the key: an unknown key is arbitrary caller input, never repeated back.
                throw new DomainValidationException("parameterOverrides", "An override key is not in the parameter catalog; GET /api/v1/policy/parameters lists the keys.");
            }

            try
            {
                result[key] = definition.Validate(ParameterValueJson.Read(json, "parameterOverrides"));
            }
            catch (DomainValidationException e)
            {
                // The field is named only when a value is refused (issue 14: it was built for every override of every call).
                throw new DomainValidationException($"parameterOverrides.{key}", e.Message);
            }
        }

        return result;
    }

    public static RegionCode Region(string? code) => RegionCode.Parse(code, "regionCode");
}

/// <summary>How much of the trace a caller asks for (<c>?trace=</c>); the default is the full trace (api.md).</summary>
public enum TraceDetail
{
    /// <summary>No trace: the outcome and amounts only (the engine skips building the trace).</summary>
    None,

    /// <summary>Every rule with its verdict and detail, without the parameters each rule read.</summary>
    Summary,

    /// <summary>Every rule with its detail and every parameter read, with region, date and source.</summary>
    Full,
}

/// <summary>Reads the <c>trace</c> query parameter: none, summary or full (lower case, as the contract's pattern says); absent means full.</summary>
public static class TraceDetails
{
    public const string Allowed = "none, summary or full";

    public static bool TryParse(string? value, out TraceDetail detail)
    {
        detail = TraceDetail.Full;
        if (value is null)
        {
            return true;
        }

        (var known, detail) = value switch
        {
            "none" => (true, TraceDetail.None),
            "summary" => (true, TraceDetail.Summary),
            "full" => (true, TraceDetail.Full),
            _ => (false, TraceDetail.Full),
        };
        return known;
    }
}
