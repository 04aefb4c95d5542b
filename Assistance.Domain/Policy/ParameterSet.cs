namespace Assistance.Domain.Policy;

/// <summary>
/// The parameters resolved for one (region, date), indexed by catalog ordinal so that reading one is
/// an array access. Immutable; <see cref="WithOverrides"/> returns a new set.
/// </summary>
public sealed class ParameterSet
{
    private readonly ResolvedParameter?[] values;

    internal ParameterSet(string regionCode, DateOnly date, ResolvedParameter?[] values)
    {
        RegionCode = regionCode;
        Date = date;
        this.values = values;
    }

    public string RegionCode { get; }

    public DateOnly Date { get; }

    /// <summary>Builds a set from already-resolved values (e.g. read from the database); each is validated against the catalog.</summary>
    public static ParameterSet FromResolved(string regionCode, DateOnly date, IEnumerable<ResolvedParameter> resolved)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        ArgumentNullException.ThrowIfNull(resolved);
        var array = new ResolvedParameter?[ParameterCatalog.Count];
        foreach (var parameter in resolved)
        {
            var definition = ParameterCatalog.Get(parameter.Key);
            array[definition.Ordinal] = parameter with { Value = definition.Validate(parameter.Value) };
        }

        return new ParameterSet(regionCode, date, array);
    }

    /// <summary>The resolved value, or null when no region on the way up holds one.</summary>
    public ResolvedParameter? Get(ParameterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return values[definition.Ordinal];
    }

    public ResolvedParameter? Get(string key) => Get(ParameterCatalog.Get(key));

    /// <summary>Every key that resolved to something (including explicit nulls), in catalog order.</summary>
    public IEnumerable<ResolvedParameter> Resolved => values.Where(v => v is not null)!;

    /// <summary>
    /// What-if values for one call (api.md <c>parameterOverrides</c>): each replaces the resolved value and is
    /// shown with region "override", no effective date and source "parameterOverrides". Unknown keys and wrong
    /// types are a <see cref="Common.DomainValidationException"/> naming the key.
    /// </summary>
    public ParameterSet WithOverrides(IReadOnlyDictionary<string, ParameterValueData> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Count == 0)
        {
            return this;
        }

        var copy = (ResolvedParameter?[])values.Clone();
        foreach (var (key, value) in overrides)
        {
            var definition = ParameterCatalog.Get(key);
            copy[definition.Ordinal] = new ResolvedParameter(
                key,
                definition.Validate(value ?? ParameterValueData.Null),
                ResolvedParameter.OverrideRegion,
                EffectiveFrom: null,
                EffectiveTo: null,
                ResolvedParameter.OverrideSource);
        }

        return new ParameterSet(RegionCode, Date, copy);
    }
}
