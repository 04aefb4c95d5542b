namespace Assistance.Domain.Policy;

using System.Globalization;
using Assistance.Domain.Households;

/// <summary>A warning raised when a parameter value is set: the rule it concerns, the clause and why.</summary>
public sealed record ParameterChangeWarning(string RuleId, string Clause, string Message);

/// <summary>
/// Checks a proposed parameter value against the values already in force and returns warnings (the value is
/// still accepted: policy owners decide). Checks: a tekun basic standard below a floor in force (R-12;
/// S1 一.1; S3 三(二)1) and a dibao standard rising less than dibao.standard.minAnnualIncreasePercent over
/// the value in force one year earlier (R-02; S1 一.1).
/// </summary>
public static class ParameterChangeChecks
{
    private const int MonthsPerYear = 12;
    private const decimal Hundred = 100m;

    public static IReadOnlyList<ParameterChangeWarning> Check(ParameterValue proposed, ParameterResolver existing)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(existing);
        var warnings = new List<ParameterChangeWarning>();
        if (proposed.Value.IsNull)
        {
            return warnings;
        }

        if (proposed.Key == ParameterCatalog.TekunBasicStandard.Key)
        {
            CheckTekunBasicFloors(proposed, existing, warnings);
        }
        else if (proposed.Key == ParameterCatalog.DibaoStandardUrban.Key || proposed.Key == ParameterCatalog.DibaoStandardRural.Key)
        {
            CheckAnnualIncrease(proposed, existing, warnings);
            CheckPublishedTekunStandardKeepsUp(proposed, existing, warnings);
        }

        return warnings;
    }

    /// <summary>
    /// a published tekun standard below any floor in force — 1.3 × dibao standard, the consumption share,
    /// the disposable-income share — warns, naming the floor. A value for both residence types is checked against
    /// the floors of each (a floor may be Urban-only, S3 三(二)1 城区).
    /// </summary>
    private static void CheckTekunBasicFloors(ParameterValue proposed, ParameterResolver existing, List<ParameterChangeWarning> warnings)
    {
        const string rule = "R-12";
        const string clause = "S1 一.1; S3 三(二)1";
        var value = proposed.Value.AsDecimal();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var residence in ResidencesOf(proposed))
        {
            decimal? Get(ParameterDefinition d) =>
                existing.Resolve(d.Key, proposed.RegionCode, proposed.EffectiveFrom, residence: residence) is { Value.IsNull: false } r ? r.Value.AsDecimal() : null;

            var standardKey = residence == ResidenceType.Urban ? ParameterCatalog.DibaoStandardUrban : ParameterCatalog.DibaoStandardRural;
            if (Get(ParameterCatalog.TekunBasicMinMultipleOfDibao) is { } m && Get(standardKey) is { } standard && value < m * standard)
            {
                Add(Format($"tekun.basic.standard {value:0.00} is below the floor tekun.basic.minMultipleOfDibao: {m} × {standardKey.Key} {standard:0.00} = {m * standard:0.00} ({residence}); the engine raises it to the floor."));
            }

            if (Get(ParameterCatalog.TekunBasicMinShareOfConsumption) is { } cs && Get(ParameterCatalog.ConsumptionPerCapita) is { } consumption
                && value < cs * consumption / MonthsPerYear)
            {
                Add(Format($"tekun.basic.standard {value:0.00} is below the floor tekun.basic.minShareOfConsumption: {cs} × stats.consumptionPerCapita.previousYear {consumption:0.00} / 12 = {cs * consumption / MonthsPerYear:0.00} ({residence}); the engine raises it to the floor."));
            }

            if (Get(ParameterCatalog.TekunBasicMinShareOfDisposableIncome) is { } ds && Get(ParameterCatalog.DisposableIncomePerCapita) is { } disposable
                && value < ds * disposable / MonthsPerYear)
            {
                Add(Format($"tekun.basic.standard {value:0.00} is below the floor tekun.basic.minShareOfDisposableIncome: {ds} × stats.disposableIncomePerCapita.previousYear {disposable:0.00} / 12 = {ds * disposable / MonthsPerYear:0.00} ({residence}); the engine raises it to the floor."));
            }
        }

        void Add(string message)
        {
            if (seen.Add(message))
            {
                warnings.Add(new(rule, clause, message));
            }
        }
    }

    /// <summary>The residence types a value applies to: its own, or both when it is not limited.</summary>
    private static ResidenceType[] ResidencesOf(ParameterValue value) =>
        value.Residence is { } own ? [own] : [ResidenceType.Urban, ResidenceType.Rural];

    /// <summary>A higher dibao standard can push the published tekun standard below its 1.3 × floor .</summary>
    private static void CheckPublishedTekunStandardKeepsUp(ParameterValue proposed, ParameterResolver existing, List<ParameterChangeWarning> warnings)
    {
        // dibao.standard.urban is read by urban households, .rural by rural ones: their tekun standard is the one to compare.
        var residence = proposed.Key == ParameterCatalog.DibaoStandardUrban.Key ? ResidenceType.Urban : ResidenceType.Rural;
        var published = existing.Resolve(ParameterCatalog.TekunBasicStandard.Key, proposed.RegionCode, proposed.EffectiveFrom, residence: residence);
        var multiple = existing.Resolve(ParameterCatalog.TekunBasicMinMultipleOfDibao.Key, proposed.RegionCode, proposed.EffectiveFrom, residence: residence);
        if (published is not { Value.IsNull: false } || multiple is not { Value.IsNull: false })
        {
            return;
        }

        var floor = multiple.Value.AsDecimal() * proposed.Value.AsDecimal();
        var tekun = published.Value.AsDecimal();
        if (tekun < floor)
        {
            warnings.Add(new("R-12", "S1 一.1; S3 三(二)1", Format(
                $"tekun.basic.standard {tekun:0.00} in force is below {multiple.Value.AsDecimal()} × {proposed.Key} {proposed.Value.AsDecimal():0.00} = {floor:0.00}; the engine raises it to the floor.")));
        }
    }

    private static void CheckAnnualIncrease(ParameterValue proposed, ParameterResolver existing, List<ParameterChangeWarning> warnings)
    {
        var percent = existing.Resolve(ParameterCatalog.DibaoStandardMinAnnualIncreasePercent.Key, proposed.RegionCode, proposed.EffectiveFrom, residence: proposed.Residence);
        if (percent is null || percent.Value.IsNull)
        {
            return;
        }

        var yearEarlier = proposed.EffectiveFrom.AddYears(-1);
        var previous = existing.Resolve(proposed.Key, proposed.RegionCode, yearEarlier, residence: proposed.Residence);
        if (previous is null || previous.Value.IsNull)
        {
            return;
        }

        var pct = percent.Value.AsDecimal();
        var old = previous.Value.AsDecimal();
        var required = old * (1 + (pct / Hundred));
        var value = proposed.Value.AsDecimal();
        if (value < required)
        {
            warnings.Add(new("R-02", "S1 一.1", Format(
                $"{proposed.Key} {value:0.00} rises less than {pct}% over {old:0.00} in force on {yearEarlier:yyyy-MM-dd} (at least {required:0.00} expected).")));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
