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
        AssessmentInput input, IReadOnlyDictionary<string, ParameterValueData>? overrides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var resolver = await store.ResolverForAsync(input.Region, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainValidationException("regionCode", $"Region {input.Region} is not in the register.");
        // The household's residence type picks its residence-scoped values, e.g. Bengbu's 城区-only floors.
        var parameters = resolver.ResolveAll(input.Region, input.AsOf, residence: input.Residence);
        if (overrides is { Count: > 0 })
        {
            parameters = parameters.WithOverrides(overrides);
        }

        return EligibilityEngine.Assess(input, parameters, trace: true);
    }

    /// <summary>Reads api.md <c>parameterOverrides</c>: unknown keys and wrong types name the override in the error.</summary>
    public static IReadOnlyDictionary<string, ParameterValueData> ReadOverrides(IReadOnlyDictionary<string, System.Text.Json.JsonElement>? overrides)
    {
        var result = new Dictionary<string, ParameterValueData>(StringComparer.Ordinal);
        foreach (var (key, json) in overrides ?? new Dictionary<string, System.Text.Json.JsonElement>())
        {
            var field = $"parameterOverrides.{key}";
            if (!ParameterCatalog.TryGet(key, out var definition))
            {
                // Named by the collection, not the key: an unknown key is arbitrary caller input, never repeated back.
                throw new DomainValidationException("parameterOverrides", "An override key is not in the parameter catalog; GET /api/v1/policy/parameters lists the keys.");
            }

            try
            {
                result[key] = definition.Validate(ParameterValueData.FromJson(json, field));
            }
            catch (DomainValidationException e)
            {
                throw new DomainValidationException(field, e.Message);
            }
        }

        return result;
    }

    public static RegionCode Region(string? code) => RegionCode.Parse(code, "regionCode");
}
