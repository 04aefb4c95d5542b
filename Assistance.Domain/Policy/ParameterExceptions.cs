namespace Assistance.Domain.Policy;

using Assistance.Domain.Regions;

/// <summary>
/// A parameter the computation needs has no value in force for the region on the date (for example no dibao
/// standard yet). The API maps it to 422: the request is well-formed but cannot be assessed.
/// </summary>
public sealed class ParameterNotInForceException(string key, string regionCode, DateOnly date)
    : Exception($"No value of '{key}' is in force for region {regionCode} on {date:yyyy-MM-dd}.")
{
    public string Key { get; } = key;

    public string RegionCode { get; } = regionCode;

    public DateOnly Date { get; } = date;
}

/// <summary>
/// Two values of the same key for the same region are in force on the same date. The database forbids
/// it as well; seeing it here means the data is corrupt, so resolution refuses to guess.
/// </summary>
public sealed class ParameterOverlapException(string key, RegionCode regionCode, DateOnly date)
    : Exception($"More than one value of '{key}' is in force for region {regionCode} on {date:yyyy-MM-dd}.")
{
    public string Key { get; } = key;

    public RegionCode RegionCode { get; } = regionCode;

    public DateOnly Date { get; } = date;
}
