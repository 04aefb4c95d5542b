namespace Assistance.Domain.Payments;

using System.Globalization;
using Assistance.Domain.Common;

/// <summary>Which index triggered the subsidy.</summary>
public enum PriceIndexKind
{
    Cpi,
    FoodCpi,
}

/// <summary>
/// The R-41 decision for one published index month: whether the subsidy is triggered, by which index, and the amount per
/// covered person for each standard. <see cref="Detail"/> is the trace text (rule, clause and numbers).
/// </summary>
public sealed record PriceSubsidyDecision(
    bool Triggered, PriceIndexKind? AppliedIndex, decimal? AppliedPercent, decimal? UrbanPerPerson, decimal? RuralPerPerson, string Detail);

/// <summary>
/// R-41 价格临时补贴 (N-1553 联动机制; S0 一; S1 一.4; S2 二(五)): for index month M, the subsidy is triggered when CPI
/// year-on-year ≥ priceSubsidy.cpiTriggerPercent or food CPI ≥ priceSubsidy.foodCpiTriggerPercent, both resolved on the
/// first day of M (so the 2022-08 … 2023-02 CPI trigger of 3.0 applies by index month). The amount per covered person is
/// the dibao standard × the higher triggered index / 100, rounded UP to the whole yuan (N-1553). The standard is the
/// region's urban or rural dibao standard in force on the first day of M, chosen by the covered household's residence.
/// </summary>
public static class PriceSubsidyRule
{
    public const string RuleId = "R-41";

    public const string Source = "R-41; N-1553; S0 一; S1 一.4; S2 二(五)";

    public static PriceSubsidyDecision Decide(
        decimal cpiPercent, decimal foodCpiPercent, decimal cpiTriggerPercent, decimal foodCpiTriggerPercent, decimal? urbanStandard, decimal? ruralStandard)
    {
        var cpiTriggered = cpiPercent >= cpiTriggerPercent;
        var foodTriggered = foodCpiPercent >= foodCpiTriggerPercent;
        var numbers = string.Create(
            CultureInfo.InvariantCulture,
            $"CPI {cpiPercent:0.00} % (trigger {cpiTriggerPercent:0.00} %), food CPI {foodCpiPercent:0.00} % (trigger {foodCpiTriggerPercent:0.00} %)");
        if (!cpiTriggered && !foodTriggered)
        {
            return new PriceSubsidyDecision(false, null, null, null, null, $"{RuleId}: not triggered: {numbers}.");
        }

        // The higher of the triggered indices (an index below its trigger does not count, even when it is higher).
        var (kind, percent) = cpiTriggered && (!foodTriggered || cpiPercent >= foodCpiPercent)
            ? (PriceIndexKind.Cpi, cpiPercent)
            : (PriceIndexKind.FoodCpi, foodCpiPercent);
        var urban = PerPerson(urbanStandard, percent);
        var rural = PerPerson(ruralStandard, percent);
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{RuleId}: triggered by {kind} {percent:0.00} % ({numbers}); per person = standard × {percent:0.00} / 100 rounded up to the yuan: urban {urbanStandard:0.00} → {urban:0.00}, rural {ruralStandard:0.00} → {rural:0.00}.");
        return new PriceSubsidyDecision(true, kind, percent, urban, rural, detail);
    }

    /// <summary>Standard × percent / 100, rounded up to the whole yuan (never down: N-1553).</summary>
    public static decimal? PerPerson(decimal? standard, decimal percent) =>
        standard is { } s ? Money.RoundUpToYuan(s * percent / 100m).Yuan : null;
}
