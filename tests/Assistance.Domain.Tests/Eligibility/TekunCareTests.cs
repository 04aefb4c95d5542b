namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Households;
using Assistance.Domain.Tests.Support;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>R-13; S3 三(二)1: care amount by self-care level, at least a share of the basic standard.</summary>
public class TekunCareTests
{
    private const decimal Share = 0.10m;

    private static decimal Basic => PolicyData.Number(National(), "tekun.basic.minMultipleOfDibao") * S;

    private static decimal? CareFor(SelfCareLevel level, decimal amount, decimal? share = Share)
    {
        var key = level switch
        {
            SelfCareLevel.FullCare => "tekun.care.amount.fullCare",
            SelfCareLevel.PartialCare => "tekun.care.amount.partialCare",
            _ => "tekun.care.amount.selfCare",
        };
        var result = Assess(Household(Elder() with { SelfCare = level }), National((key, amount), ("tekun.care.minShareOfBasic", share)));
        return result.Members[0].TekunCare;
    }

    [TestCase(SelfCareLevel.PartialCare)]
    [TestCase(SelfCareLevel.FullCare)]
    public void Assess_WhenCareAmountEqualsShareOfBasic_CareIsThatAmount(SelfCareLevel level)
    {
        Assert.That(CareFor(level, Share * Basic), Is.EqualTo(Share * Basic));
    }

    [TestCase(SelfCareLevel.PartialCare)]
    [TestCase(SelfCareLevel.FullCare)]
    public void Assess_WhenCareAmountOneCentBelowShareOfBasic_IsRaisedToTheShare(SelfCareLevel level)
    {
        Assert.That(CareFor(level, (Share * Basic) - 0.01m), Is.EqualTo(Share * Basic));
    }

    [TestCase(SelfCareLevel.PartialCare)]
    [TestCase(SelfCareLevel.FullCare)]
    public void Assess_WhenCareAmountOneCentAboveShareOfBasic_CareIsTheAmount(SelfCareLevel level)
    {
        Assert.That(CareFor(level, (Share * Basic) + 0.01m), Is.EqualTo((Share * Basic) + 0.01m));
    }

    [Test]
    public void Assess_WhenSelfCaring_NoShareFloorApplies()
    {
        Assert.That(CareFor(SelfCareLevel.SelfCare, 0m), Is.Zero);
    }

    [Test]
    public void Assess_WhenShareUnset_CareIsTheLevelAmount()
    {
        Assert.That(CareFor(SelfCareLevel.FullCare, 1m, share: null), Is.EqualTo(1m));
    }

    [Test]
    public void Assess_WhenTekun_MonthlyAmountIsBasicPlusCare()
    {
        var result = Assess(Household(Elder() with { SelfCare = SelfCareLevel.PartialCare }), National(("tekun.care.amount.partialCare", 200m)));

        Assert.That(result.Members[0].MonthlyAmount, Is.EqualTo(Basic + 200m));
        Assert.That(result.MonthlyAmount, Is.EqualTo(Basic + 200m));
    }
}
