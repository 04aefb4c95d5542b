namespace Assistance.Domain.Tests.TemporaryAssistance;

using Assistance.Domain.Common;
using Assistance.Domain.Regions;
using Assistance.Domain.TemporaryAssistance;

/// <summary>R-43 tiers, R-45 reserve fund: the pure rules behind the API tests.</summary>
public class TemporaryAssistanceRuleTests
{
    [TestCase(3150.00, "Township")]
    [TestCase(3150.01, "County")]
    [TestCase(12600.00, "County")]
    [TestCase(12600.01, "CaseByCase")]
    public void TierFor_ComparesTheAmountWithMonthsOfTheStandardInYuan(decimal amount, string tier) =>
        Assert.That(TemporaryAssistanceEvaluation.TierFor(amount, 1050m, 3m, 12m).ToString(), Is.EqualTo(tier));

    [TestCase(RegionLevel.Village, ApprovalTier.Township, false)]
    [TestCase(RegionLevel.Township, ApprovalTier.Township, true)]
    [TestCase(RegionLevel.Township, ApprovalTier.County, false)]
    [TestCase(RegionLevel.County, ApprovalTier.County, true)]
    [TestCase(RegionLevel.Township, ApprovalTier.CaseByCase, false)]
    [TestCase(RegionLevel.City, ApprovalTier.CaseByCase, true)]
    public void DeciderReachesTheTier_OnlyFromItsLevelUp(RegionLevel level, ApprovalTier tier, bool reaches)
    {
        Assert.That(DeciderIsAtTheApprovalTier.Reaches(level, tier), Is.EqualTo(reaches));
        Assert.That(new DeciderIsAtTheApprovalTier(tier, level).Source, Does.StartWith("R-43"));
    }

    [TestCase("320682001", "Urban")]
    [TestCase("320682099", "Urban")]
    [TestCase("320682100", "Rural")]
    [TestCase("320682200", "Rural")]
    public void ResidenceOf_ReadsTheStreetOrTownFromTheCode(string township, string residence) =>
        Assert.That(TemporaryAssistanceEvaluation.ResidenceOf(RegionCode.Parse(township)).ToString(), Is.EqualTo(residence));

    [Test]
    public void ReserveFund_DisbursesWhatItHolds_AndRefusesOneFenMore()
    {
        var fund = ReserveFund.Restore(RegionCode.Parse("320682001"), Money.FromYuan(1000m, "b"), 3);
        fund.Disburse(Guid.NewGuid(), Money.FromYuan(999.99m, "a"), Guid.NewGuid(), new DateOnly(2026, 11, 2), "t", null);
        Assert.That(fund.Balance, Is.EqualTo(Money.FromYuan(0.01m, "b")));
        var refused = Assert.Throws<BusinessRuleViolationException>(
            () => fund.Disburse(Guid.NewGuid(), Money.FromYuan(0.02m, "a"), Guid.NewGuid(), new DateOnly(2026, 11, 2), "t", null));
        Assert.Multiple(() =>
        {
            Assert.That(refused!.Code, Is.EqualTo("reserve-fund.insufficient-balance"));
            Assert.That(refused.RuleId, Does.StartWith("R-45"));
            Assert.That(fund.Balance, Is.EqualTo(Money.FromYuan(0.01m, "b")), "a refused disbursement changes nothing");
            Assert.That(fund.Movements, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void MigrantGrantBand_IsInclusiveAtBothEnds()
    {
        var band = new MigrantGrantBand(3m, 6m, Money.FromYuan(3150m, "m"), Money.FromYuan(6300m, "m"));
        Assert.Multiple(() =>
        {
            Assert.That(new MigrantGrantIsWithinItsBand(Money.FromYuan(3150m, "a"), band).IsBroken(), Is.False);
            Assert.That(new MigrantGrantIsWithinItsBand(Money.FromYuan(6300m, "a"), band).IsBroken(), Is.False);
            Assert.That(new MigrantGrantIsWithinItsBand(Money.FromYuan(3149.99m, "a"), band).IsBroken(), Is.True);
            Assert.That(new MigrantGrantIsWithinItsBand(Money.FromYuan(6300.01m, "a"), band).IsBroken(), Is.True);
        });
    }
}
