namespace Assistance.Domain.Policy;

using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>
/// One dated value of a parameter for one region: in force from <see cref="EffectiveFrom"/>
/// (inclusive) to <see cref="EffectiveTo"/> (exclusive, open when null). A null <see cref="Value"/> ends the
/// parameter for the region. A correction never overwrites: it sets <see cref="SupersededAt"/> on the old
/// value and records a new one, so "what did we believe at instant X about date Y" stays answerable.
/// </summary>
public sealed record ParameterValue(
    string Key,
    RegionCode RegionCode,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    ParameterValueData Value,
    string Source,
    bool IsDemo,
    DateTimeOffset RecordedAt,
    DateTimeOffset? SupersededAt = null,
    ResidenceType? Residence = null)
{
    /// <summary>Source text of every demo value, which no policy text backs.</summary>
    public const string DemoSource = "demo value (not from policy text)";

    /// <summary>True when a household of <paramref name="residence"/> can see the value (null = residence not known: only values for both).</summary>
    public bool AppliesTo(ResidenceType? residence) => Residence is not { } own || own == residence;

    public bool IsInForceOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is not { } to || date < to);

    /// <summary>Current view (no instant): not superseded. As of an instant: recorded by then and not yet superseded.</summary>
    public bool IsVisibleAsOf(DateTimeOffset? recordedAsOf) => recordedAsOf is not { } at
        ? SupersededAt is null
        : RecordedAt <= at && (SupersededAt is not { } superseded || superseded > at);

    /// <summary>True when the two date ranges share at least one day.</summary>
    public bool OverlapsInTime(ParameterValue other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var thisStartsBeforeOtherEnds = other.EffectiveTo is not { } otherTo || EffectiveFrom < otherTo;
        var otherStartsBeforeThisEnds = EffectiveTo is not { } thisTo || other.EffectiveFrom < thisTo;
        return thisStartsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }
}

/// <summary>
/// A parameter value as resolved for a (region, date), with where it came from: the region code that held it
/// (or "override" for a what-if value), its dates and its source. This is what a trace entry lists.
/// </summary>
public sealed record ResolvedParameter(
    string Key,
    ParameterValueData Value,
    string RegionCode,
    DateOnly? EffectiveFrom,
    DateOnly? EffectiveTo,
    string Source,
    bool IsDemo = false,
    ResidenceType? Residence = null)
{
    /// <summary>Region code shown for a value supplied in the request's <c>parameterOverrides</c>.</summary>
    public const string OverrideRegion = "override";

    /// <summary>Source shown for a value supplied in the request's <c>parameterOverrides</c>.</summary>
    public const string OverrideSource = "parameterOverrides";
}
