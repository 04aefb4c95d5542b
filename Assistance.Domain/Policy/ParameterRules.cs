namespace Assistance.Domain.Policy;

using System.Globalization;
using Assistance.Domain.Common;
using Assistance.Domain.Regions;

// Business rules of the parameter history, each named after its invariant.

/// <summary>R-02: a correction keeps the key and region of the value it supersedes.</summary>
public sealed class CorrectionKeepsKeyAndRegion(string correctedKey, RegionCode correctedRegion, string key, RegionCode region) : IBusinessRule
{
    public string Code => "parameter.correction-mismatch";

    public string Message => $"A correction must keep the key and region of the value it supersedes ({correctedKey}, {correctedRegion}).";

    public string Source => "R-02";

    public bool IsBroken() => correctedKey != key || correctedRegion != region;
}

/// <summary>R-02: only the current value is corrected; a value already superseded stays as history.</summary>
public sealed class OnlyACurrentValueIsSuperseded(Guid id, bool alreadySuperseded) : IBusinessRule
{
    public string Code => "parameter.already-superseded";

    public string Message => $"Parameter value {id} was already superseded; correct the current value instead.";

    public string Source => "R-02";

    public bool IsBroken() => alreadySuperseded;
}

/// <summary>
/// a key has at most one current value per region and residence type on any day (the database's exclusion
/// constraint sees the overlap).
/// </summary>
public sealed class CurrentValuesDoNotOverlap(ParameterValue proposed, bool overlaps) : IBusinessRule
{
    public string Code => "parameter.overlap";

    public string Message =>
        $"'{proposed.Key}' already has a current value for region {proposed.RegionCode} ({(proposed.Residence is { } r ? r + " households" : "both residence types")}) in force during {proposed.EffectiveFrom:yyyy-MM-dd} … {(proposed.EffectiveTo is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open")}. End that value first or correct it with 'supersedes'.";

    public string Source => "R-02";

    public bool IsBroken() => overlaps;
}
