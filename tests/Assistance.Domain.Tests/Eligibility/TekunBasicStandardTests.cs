namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Policy;
using Assistance.Domain.Tests.Support;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>R-12; S1 一.1; S3 三(二)1: B = max of the published standard and every floor that is set.</summary>
public class TekunBasicStandardTests
{
    private static decimal Multiple => PolicyData.Number(National(), "tekun.basic.minMultipleOfDibao");

    private static decimal? BasicWith(params (string Key, object? Value)[] overrides) =>
        Assess(Household(Elder()), National(overrides)).Members[0].TekunBasic;

    [Test]
    public void Assess_WhenPublishedStandardEqualsDibaoFloor_BasicIsThatValue()
    {
        Assert.That(BasicWith(("tekun.basic.standard", Multiple * S)), Is.EqualTo(Multiple * S));
    }

    [Test]
    public void Assess_WhenPublishedStandardOneCentAboveFloor_BasicIsThePublishedStandard()
    {
        Assert.That(BasicWith(("tekun.basic.standard", (Multiple * S) + 0.01m)), Is.EqualTo((Multiple * S) + 0.01m));
    }

    [Test]
    public void Assess_WhenPublishedStandardOneCentBelowFloor_IsRaisedToTheFloor()
    {
        Assert.That(BasicWith(("tekun.basic.standard", (Multiple * S) - 0.01m)), Is.EqualTo(Multiple * S));
    }

    [Test]
    public void Assess_WhenNoPublishedStandard_BasicIsTheDibaoMultiple()
    {
        Assert.That(BasicWith(("tekun.basic.standard", null)), Is.EqualTo(Multiple * S));
    }

    [Test]
    public void Assess_WhenConsumptionShareAndStatisticSet_FloorIsShareOfMonthlyConsumption()
    {
        const decimal share = 0.6m;
        var consumption = Multiple * S * 12 / share;

        Assert.That(BasicWith(("tekun.basic.minShareOfConsumption", share), ("stats.consumptionPerCapita.previousYear", consumption + 0.20m)), Is.EqualTo(Multiple * S + 0.01m));
        Assert.That(BasicWith(("tekun.basic.minShareOfConsumption", share), ("stats.consumptionPerCapita.previousYear", consumption)), Is.EqualTo(Multiple * S));
    }

    [Test]
    public void Assess_WhenDisposableIncomeShareAndStatisticSet_FloorIsShareOfMonthlyIncome()
    {
        const decimal share = 0.4m;
        const decimal disposable = 60000m;

        Assert.That(
            BasicWith(("tekun.basic.minShareOfDisposableIncome", share), ("stats.disposableIncomePerCapita.previousYear", disposable)),
            Is.EqualTo(Math.Max(Multiple * S, share * disposable / 12)));
    }

    [Test]
    public void Assess_WhenShareSetButStatisticUnset_FloorIsSkippedAndTraced()
    {
        var result = Assess(Household(Elder()), National(("tekun.basic.minShareOfConsumption", 0.6m), ("stats.consumptionPerCapita.previousYear", null)));

        Assert.That(result.Members[0].TekunBasic, Is.EqualTo(Multiple * S));
        Assert.That(result.Entry("R-12").Detail, Does.Contain("skipped").And.Contain("minShareOfConsumption"));
    }

    [Test]
    public void Assess_WhenEveryTermUnset_ThrowsParameterNotInForce()
    {
        var error = Assert.Throws<ParameterNotInForceException>(() =>
            EligibilityEngine.Assess(Household(Elder()), National(("tekun.basic.standard", null), ("tekun.basic.minMultipleOfDibao", null)), trace: false));

        Assert.That(error!.Key, Is.EqualTo("tekun.basic.standard"));
    }
}
