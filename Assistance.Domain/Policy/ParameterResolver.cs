namespace Assistance.Domain.Policy;

using Assistance.Domain.Regions;

/// <summary>
/// Resolves (key, region, date[, recorded-as-of instant]) over a set of dated values: walks from the
/// region up to national and takes the first region holding a value in force on the date and visible at the
/// instant. A null value found that way means "unset here", it does not fall through to the parent.
/// Pure: holds only the values it was given.
/// </summary>
public sealed class ParameterResolver
{
    private readonly Dictionary<(string Key, RegionCode Region), List<ParameterValue>> byKeyAndRegion = [];

    /// <exception cref="Common.DomainValidationException">A value has an unknown key or the wrong type for its key.</exception>
    public ParameterResolver(IEnumerable<ParameterValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var given in values)
        {
            ArgumentNullException.ThrowIfNull(given);

            // Values may come from the database as well as from packs: hold every one to the catalog type.
            var normalised = ParameterCatalog.Validate(given.Key, given.Value);
            var value = ReferenceEquals(normalised, given.Value) ? given : given with { Value = normalised };
            var slot = (value.Key, value.RegionCode);
            if (!byKeyAndRegion.TryGetValue(slot, out var list))
            {
                list = [];
                byKeyAndRegion[slot] = list;
            }

            list.Add(value);
        }
    }

    /// <summary>
    /// The value for the key in force on <paramref name="date"/> for <paramref name="region"/>, or null when no
    /// region on the way up holds one. <paramref name="recordedAsOf"/> null = the current (non-superseded) view.
    /// </summary>
    /// <exception cref="ParameterOverlapException">Two visible values for one key and region are in force on the date.</exception>
    public ResolvedParameter? Resolve(string key, RegionCode region, DateOnly date, DateTimeOffset? recordedAsOf = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var candidateRegion in region.SelfAndAncestors())
        {
            if (!byKeyAndRegion.TryGetValue((key, candidateRegion), out var list))
            {
                continue;
            }

            ParameterValue? found = null;
            foreach (var value in list)
            {
                if (value.IsInForceOn(date) && value.IsVisibleAsOf(recordedAsOf))
                {
                    if (found is not null)
                    {
                        throw new ParameterOverlapException(key, candidateRegion, date);
                    }

                    found = value;
                }
            }

            if (found is not null)
            {
                return new ResolvedParameter(found.Key, found.Value, found.RegionCode.Value, found.EffectiveFrom, found.EffectiveTo, found.Source, found.IsDemo);
            }
        }

        return null;
    }

    /// <summary>Resolves every catalog key for (region, date) into a <see cref="ParameterSet"/>.</summary>
    public ParameterSet ResolveAll(RegionCode region, DateOnly date, DateTimeOffset? recordedAsOf = null)
    {
        var resolved = new ResolvedParameter?[ParameterCatalog.Count];
        foreach (var definition in ParameterCatalog.All)
        {
            resolved[definition.Ordinal] = Resolve(definition.Key, region, date, recordedAsOf);
        }

        return new ParameterSet(region.Value, date, resolved);
    }

    /// <summary>
    /// Every pair of values (same key, same region, both visible at the instant) whose date ranges overlap.
    /// Used to check policy packs and proposed values before they are stored.
    /// </summary>
    public static IReadOnlyList<(ParameterValue First, ParameterValue Second)> FindOverlaps(IEnumerable<ParameterValue> values, DateTimeOffset? recordedAsOf = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var overlaps = new List<(ParameterValue, ParameterValue)>();
        foreach (var group in values.Where(v => v.IsVisibleAsOf(recordedAsOf)).GroupBy(v => (v.Key, v.RegionCode)))
        {
            var ordered = group.OrderBy(v => v.EffectiveFrom).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                for (var j = i + 1; j < ordered.Count; j++)
                {
                    if (ordered[i].OverlapsInTime(ordered[j]))
                    {
                        overlaps.Add((ordered[i], ordered[j]));
                    }
                }
            }
        }

        return overlaps;
    }
}
