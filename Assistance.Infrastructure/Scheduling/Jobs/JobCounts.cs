namespace Assistance.Infrastructure.Scheduling.Jobs;

using Assistance.Infrastructure.Alerts;

internal static class JobCounts
{
    /// <summary>
    /// Rule outcomes as run counts: raised, unchanged (open conditions that still hold, not written), cleared and open, in
    /// total and per rule (<c>ZeroEmployment.raised</c>), and each rule's wall time (<c>ZeroEmployment.ms</c>) for the
    /// benchmark (scripts/bench-alerts.sh prints them).
    /// </summary>
    public static IReadOnlyDictionary<string, long> Of(IReadOnlyList<AlertRuleOutcome> outcomes)
    {
        var counts = new Dictionary<string, long>
        {
            ["raised"] = outcomes.Sum(o => o.Raised),
            ["unchanged"] = outcomes.Sum(o => o.SeenAgain),
            ["cleared"] = outcomes.Sum(o => o.Cleared),
            ["open"] = outcomes.Sum(o => o.Open),
        };
        foreach (var o in outcomes)
        {
            counts[o.Rule + ".raised"] = o.Raised;
            counts[o.Rule + ".unchanged"] = o.SeenAgain;
            counts[o.Rule + ".cleared"] = o.Cleared;
            counts[o.Rule + ".open"] = o.Open;
            counts[o.Rule + ".ms"] = o.ElapsedMs;
        }

        return counts;
    }
}
