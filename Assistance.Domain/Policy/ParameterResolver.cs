namespace Assistance.Domain.Policy;

using System.Collections.Immutable;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>
/// Resolves (key, region, date[, recorded-as-of instant]) over a set of dated values: walks from the
/// region up to national and takes the first region holding a value in force on the date and visible at the
/// instant. A null value found that way means "unset here", it does not fall through to the parent.
/// Residence-scoped values: at each level a value for the household's residence type wins over one for
/// both; a value for the other type is not seen. Without a residence type only values for both are seen.
/// Pure: holds only the values it was given.
/// </summary>
public sealed class ParameterResolver
{
    // Per region, one slot per catalog ordinal: resolving a whole set is then one dictionary lookup per region
    // on the chain instead of one per (key, region).
    private readonly Dictionary<RegionCode, List<ParameterValue>?[]> byRegion = [];

    // Whole current-view sets already resolved (issue 14: every assessment resolved all ~60 keys again, one object
    // each, from a resolver the API keeps cached). The values never change after construction and a set is immutable,
    // so a remembered set is the one ResolveAll would build. Bounded: past the cap, sets are built and not kept.
    private const int MaxRememberedSets = 4096;
    private ImmutableDictionary<(RegionCode Region, DateOnly Date, ResidenceType? Residence), ParameterSet> resolvedSets =
        ImmutableDictionary<(RegionCode Region, DateOnly Date, ResidenceType? Residence), ParameterSet>.Empty;

    /// <exception cref="Common.DomainValidationException">A value has an unknown key or the wrong type for its key.</exception>
    public ParameterResolver(IEnumerable<ParameterValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var given in values)
        {
            ArgumentNullException.ThrowIfNull(given);

            // Values may come from the database as well as from packs: hold every one to the catalog type.
            var definition = ParameterCatalog.Get(given.Key);
            var normalised = definition.Validate(given.Value);
            var value = ReferenceEquals(normalised, given.Value) ? given : given with { Value = normalised };
            if (!byRegion.TryGetValue(value.RegionCode, out var slots))
            {
                slots = new List<ParameterValue>?[ParameterCatalog.Count];
                byRegion[value.RegionCode] = slots;
            }

            (slots[definition.Ordinal] ??= []).Add(value);
        }
    }

    /// <summary>
    /// The value for the key in force on <paramref name="date"/> for <paramref name="region"/>, or null when no
    /// region on the way up holds one. <paramref name="recordedAsOf"/> null = the current (non-superseded) view.
    /// </summary>
    /// <exception cref="ParameterOverlapException">Two visible values for one key and region are in force on the date.</exception>
    /// <exception cref="Common.DomainValidationException">The key is not in the catalog.</exception>
    public ResolvedParameter? Resolve(string key, RegionCode region, DateOnly date, DateTimeOffset? recordedAsOf = null, ResidenceType? residence = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var ordinal = ParameterCatalog.Get(key).Ordinal;
        foreach (var candidateRegion in region.SelfAndAncestors())
        {
            if (byRegion.TryGetValue(candidateRegion, out var slots)
                && FindInForce(slots[ordinal], candidateRegion, date, recordedAsOf, residence) is { } found)
            {
                return ToResolved(found);
            }
        }

        return null;
    }

    /// <summary>Resolves every catalog key for (region, date, residence type) into a <see cref="ParameterSet"/>.</summary>
    public ParameterSet ResolveAll(RegionCode region, DateOnly date, DateTimeOffset? recordedAsOf = null, ResidenceType? residence = null)
    {
        if (recordedAsOf is not null)
        {
            return ResolveAllNow(region, date, recordedAsOf, residence);
        }

        // Copy on write: readers see a whole dictionary, and two threads resolving the same set at once both build it
        // and one keeps it (either is the same set).
        var sets = resolvedSets;
        if (sets.TryGetValue((region, date, residence), out var remembered))
        {
            return remembered;
        }

        var set = ResolveAllNow(region, date, recordedAsOf: null, residence);
        if (sets.Count < MaxRememberedSets)
        {
            ImmutableInterlocked.TryAdd(ref resolvedSets, (region, date, residence), set);
        }

        return set;
    }

    private ParameterSet ResolveAllNow(RegionCode region, DateOnly date, DateTimeOffset? recordedAsOf, ResidenceType? residence)
    {
        var chain = new List<(RegionCode Region, List<ParameterValue>?[] Slots)>();
        foreach (var candidateRegion in region.SelfAndAncestors())
        {
            if (byRegion.TryGetValue(candidateRegion, out var slots))
            {
                chain.Add((candidateRegion, slots));
            }
        }

        var resolved = new ResolvedParameter?[ParameterCatalog.Count];
        for (var ordinal = 0; ordinal < resolved.Length; ordinal++)
        {
            foreach (var (candidateRegion, slots) in chain)
            {
                if (FindInForce(slots[ordinal], candidateRegion, date, recordedAsOf, residence) is { } found)
                {
                    resolved[ordinal] = ToResolved(found);
                    break;
                }
            }
        }

        return new ParameterSet(region.Value, date, resolved);
    }

    private static ParameterValue? FindInForce(List<ParameterValue>? candidates, RegionCode region, DateOnly date, DateTimeOffset? recordedAsOf, ResidenceType? residence)
    {
        if (candidates is null)
        {
            return null;
        }

        ParameterValue? forResidence = null;
        ParameterValue? forBoth = null;
        foreach (var value in candidates)
        {
            if (!value.AppliesTo(residence) || !value.IsInForceOn(date) || !value.IsVisibleAsOf(recordedAsOf))
            {
                continue;
            }

            ref var slot = ref value.Residence is null ? ref forBoth : ref forResidence;
            if (slot is not null)
            {
                throw new ParameterOverlapException(value.Key, region, date);
            }

            slot = value;
        }

        return forResidence ?? forBoth;
    }

    private static ResolvedParameter ToResolved(ParameterValue value) =>
        new(value.Key, value.Value, value.RegionCode.Value, value.EffectiveFrom, value.EffectiveTo, value.Source, value.IsDemo, value.Residence);

    /// <summary>
    /// Every pair of values (same key, region and residence scope, both visible at the instant) whose date ranges overlap.
    /// Used to check policy packs and proposed values before they are stored.
    /// </summary>
    public static IReadOnlyList<(ParameterValue First, ParameterValue Second)> FindOverlaps(IEnumerable<ParameterValue> values, DateTimeOffset? recordedAsOf = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var overlaps = new List<(ParameterValue, ParameterValue)>();
        foreach (var group in values.Where(v => v.IsVisibleAsOf(recordedAsOf)).GroupBy(v => (v.Key, v.RegionCode, v.Residence)))
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
