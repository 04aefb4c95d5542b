namespace Assistance.Domain.Tests.Policy;

using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;
using Assistance.Domain.Tests.Support;

/// <summary>Warnings when a value is set: tekun basic below a floor and too small a dibao rise (S1 一.1).</summary>
public class ParameterChangeChecksTests
{
    private static ParameterValue Proposed(string key, string region, DateOnly from, decimal value) =>
        new(key, RegionCode.Parse(region), from, null, ParameterValueData.FromDecimal(value), "test", IsDemo: false, PolicyData.RecordedAt);

    private static decimal Floor(string region, DateOnly date)
    {
        var set = PolicyData.For(region, date);
        var multiple = PolicyData.Number(set, "tekun.basic.minMultipleOfDibao");
        var floors = new[] { multiple * PolicyData.Number(set, "dibao.standard.urban"), multiple * PolicyData.Number(set, "dibao.standard.rural") }.ToList();
        if (set.Get("tekun.basic.minShareOfConsumption") is { Value.IsNull: false } cs)
        {
            floors.Add(cs.Value.AsDecimal() * PolicyData.Number(set, "stats.consumptionPerCapita.previousYear") / 12);
        }

        if (set.Get("tekun.basic.minShareOfDisposableIncome") is { Value.IsNull: false } ds)
        {
            floors.Add(ds.Value.AsDecimal() * PolicyData.Number(set, "stats.disposableIncomePerCapita.previousYear") / 12);
        }

        return floors.Max();
    }

    [TestCase("320682")]
    [TestCase("340300")]
    [TestCase("320400")]
    public void Check_WhenTekunBasicStandardAtTheHighestFloor_NoWarning(string region)
    {
        var date = new DateOnly(2022, 10, 1);
        var warnings = ParameterChangeChecks.Check(Proposed("tekun.basic.standard", region, date, Floor(region, date)), PolicyData.Resolver);
        Assert.That(warnings, Is.Empty);
    }

    [TestCase("320682")]
    [TestCase("340300")]
    [TestCase("320400")]
    public void Check_WhenTekunBasicStandardOneCentBelowTheHighestFloor_WarnsR12(string region)
    {
        var date = new DateOnly(2022, 10, 1);
        var floor = decimal.Round(Floor(region, date), 2, MidpointRounding.ToPositiveInfinity);
        var warnings = ParameterChangeChecks.Check(Proposed("tekun.basic.standard", region, date, floor - 0.01m), PolicyData.Resolver);
        Assert.That(warnings, Is.Not.Empty);
        Assert.That(warnings.Select(w => w.RuleId), Is.All.EqualTo("R-12"));
    }

    [Test]
    public void Check_WhenChangzhouStandardRisesExactlyFivePercentIn2020_NoWarning()
    {
        var from = new DateOnly(2020, 7, 1);
        var yearEarlier = PolicyData.Number(PolicyData.For("320400", from.AddYears(-1)), "dibao.standard.urban");
        var warnings = ParameterChangeChecks.Check(Proposed("dibao.standard.urban", "320400", from, yearEarlier * 1.05m), PolicyData.Resolver);
        Assert.That(warnings, Is.Empty);
    }

    [Test]
    public void Check_WhenChangzhouStandardRisesOneCentLessThanFivePercentIn2020_WarnsS1()
    {
        var from = new DateOnly(2020, 7, 1);
        var yearEarlier = PolicyData.Number(PolicyData.For("320400", from.AddYears(-1)), "dibao.standard.urban");
        var warnings = ParameterChangeChecks.Check(Proposed("dibao.standard.urban", "320400", from, (yearEarlier * 1.05m) - 0.01m), PolicyData.Resolver);
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0].Clause, Is.EqualTo("S1 一.1"));
    }

    [Test]
    public void Check_WhenMinimumIncreaseIsUnset_NoWarningForAFlatStandard()
    {
        var from = new DateOnly(2022, 7, 1);
        var yearEarlier = PolicyData.Number(PolicyData.For("230000", from.AddYears(-1)), "dibao.standard.urban");
        var warnings = ParameterChangeChecks.Check(Proposed("dibao.standard.urban", "230000", from, yearEarlier), PolicyData.Resolver);
        Assert.That(warnings, Is.Empty);
    }

    [Test]
    public void Check_WhenDibaoStandardRaisedAbovePublishedTekunStandardOverMultiple_WarnsR12()
    {
        var date = new DateOnly(2022, 10, 1);
        var set = PolicyData.For("320682", date);
        var tekun = PolicyData.Number(set, "tekun.basic.standard");
        var multiple = PolicyData.Number(set, "tekun.basic.minMultipleOfDibao");
        var breaking = decimal.Round(tekun / multiple, 2, MidpointRounding.ToPositiveInfinity) + 0.01m;

        var warnings = ParameterChangeChecks.Check(Proposed("dibao.standard.urban", "320682", date, breaking), PolicyData.Resolver);

        Assert.That(warnings.Select(w => w.RuleId), Does.Contain("R-12"));
    }

    [Test]
    public void Check_WhenDibaoStandardKeepsPublishedTekunStandardAtTheMultiple_NoWarning()
    {
        var date = new DateOnly(2022, 10, 1);
        var set = PolicyData.For("320682", date);
        var standard = PolicyData.Number(set, "dibao.standard.urban");

        var warnings = ParameterChangeChecks.Check(Proposed("dibao.standard.urban", "320682", date, standard), PolicyData.Resolver);

        Assert.That(warnings, Is.Empty);
    }

    [Test]
    public void Constructor_WhenValueHasWrongTypeForItsKey_ThrowsNamingTheKey()
    {
        var bad = new ParameterValue("tekun.elderlyAge", RegionCode.National, new DateOnly(2019, 1, 1), null, ParameterValueData.FromString("sixty"), "x", IsDemo: false, PolicyData.RecordedAt);

        var error = Assert.Throws<Assistance.Domain.Common.DomainValidationException>(() => _ = new ParameterResolver([bad]));

        Assert.That(error!.Field, Is.EqualTo("tekun.elderlyAge"));
    }
    private static ParameterValue ProposedFor(ResidenceType? residence, string region, DateOnly from, decimal value) =>
        Proposed("tekun.basic.standard", region, from, value) with { Residence = residence };

    // every floor in force warns by name — 1.3 × S, the consumption share (S3, Urban only), the disposable-income share (S1).
    [Test]
    public void Check_WhenUrbanTekunStandardBelowBengbuConsumptionFloorOnly_WarnsNamingThatFloor()
    {
        var date = new DateOnly(2022, 10, 1);
        var set = PolicyData.For(ResidenceType.Urban, "340300", date);
        var consumptionFloor = PolicyData.Number(set, "tekun.basic.minShareOfConsumption") * PolicyData.Number(set, "stats.consumptionPerCapita.previousYear") / 12;
        var multipleFloor = PolicyData.Number(set, "tekun.basic.minMultipleOfDibao") * PolicyData.Number(set, "dibao.standard.urban");
        Assert.That(multipleFloor, Is.LessThan(consumptionFloor - 1m));

        var warnings = ParameterChangeChecks.Check(ProposedFor(ResidenceType.Urban, "340300", date, consumptionFloor - 0.01m), PolicyData.Resolver);

        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0].Message, Does.Contain("floor tekun.basic.minShareOfConsumption"));
        Assert.That(warnings[0].RuleId, Is.EqualTo("R-12"));
    }

    [Test]
    public void Check_WhenRuralTekunStandardBelowTheUrbanOnlyConsumptionFloor_DoesNotWarn()
    {
        var date = new DateOnly(2022, 10, 1);
        var urban = PolicyData.For(ResidenceType.Urban, "340300", date);
        var rural = PolicyData.For(ResidenceType.Rural, "340300", date);
        var value = PolicyData.Number(rural, "tekun.basic.minMultipleOfDibao") * PolicyData.Number(rural, "dibao.standard.rural");
        Assert.That(value, Is.LessThan(PolicyData.Number(urban, "tekun.basic.minShareOfConsumption") * PolicyData.Number(urban, "stats.consumptionPerCapita.previousYear") / 12));

        Assert.That(ParameterChangeChecks.Check(ProposedFor(ResidenceType.Rural, "340300", date, value), PolicyData.Resolver), Is.Empty);
    }

    [Test]
    public void Check_WhenTekunStandardBelowChangzhouDisposableIncomeShare_WarnsNamingThatFloor()
    {
        var date = new DateOnly(2021, 6, 1);
        var set = PolicyData.For("320400", date);
        var floor = PolicyData.Number(set, "tekun.basic.minShareOfDisposableIncome") * PolicyData.Number(set, "stats.disposableIncomePerCapita.previousYear") / 12;

        var warnings = ParameterChangeChecks.Check(ProposedFor(null, "320400", date, decimal.Round(floor, 2, MidpointRounding.ToPositiveInfinity) - 0.01m), PolicyData.Resolver);

        Assert.That(warnings.Select(w => w.Message), Has.Some.Contains("floor tekun.basic.minShareOfDisposableIncome"));
    }

    [Test]
    public void Check_WhenTekunStandardBelowOnePointThreeTimesRuralStandardOnly_WarnsNamingTheMultipleFloorForRural()
    {
        var date = new DateOnly(2022, 10, 1);
        var set = PolicyData.For(ResidenceType.Rural, "610000", date);
        var floor = PolicyData.Number(set, "tekun.basic.minMultipleOfDibao") * PolicyData.Number(set, "dibao.standard.rural");

        var warnings = ParameterChangeChecks.Check(ProposedFor(ResidenceType.Rural, "610000", date, floor - 0.01m), PolicyData.Resolver);

        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0].Message, Does.Contain("floor tekun.basic.minMultipleOfDibao").And.Contain("dibao.standard.rural").And.Contain("(Rural)"));
    }
}
