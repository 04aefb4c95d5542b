namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Tests.Support;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>Shared predicate "assets pass" (domain.md §3; traced under R-14).</summary>
public class AssetsTests
{
    private static decimal Limit(int counted) =>
        PolicyData.Number(National(), "dibao.assets.maxFinancialMonthsPerCapita") * S * counted;

    [TestCase(1)]
    [TestCase(3)]
    public void Assess_WhenFinancialAssetsExactlyAtLimit_AssetsPass(int size)
    {
        var members = Enumerable.Range(0, size).Select(_ => Adult()).ToArray();
        var input = Household(members) with { Assets = new HouseholdAssets(Limit(size), 0) };

        var result = Assess(input, National());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
    }

    [TestCase(1)]
    [TestCase(3)]
    public void Assess_WhenFinancialAssetsOneCentAboveLimit_AssetsFail(int size)
    {
        var members = Enumerable.Range(0, size).Select(_ => Adult()).ToArray();
        var input = Household(members) with { Assets = new HouseholdAssets(Limit(size) + 0.01m, 0) };

        var result = Assess(input, National());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
        Assert.That(result.EntryNamed("assets").Passed, Is.False);
    }

    [Test]
    public void Assess_WhenAbsentMembers_LimitCountsOnlyCountedMembers()
    {
        var input = Household(Adult(), Adult() with { Status = Assistance.Domain.Households.MemberStatus.Deceased }) with { Assets = new HouseholdAssets(Limit(1) + 0.01m, 0) };

        Assert.That(Assess(input, National()).Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
    }

    [Test]
    public void Assess_WhenOneMotorVehicleAndVehiclesDisqualify_AssetsFail()
    {
        var input = Household(Adult()) with { Assets = new HouseholdAssets(0m, 1) };

        Assert.That(Assess(input, National()).Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
    }

    [Test]
    public void Assess_WhenNoMotorVehicle_AssetsPass()
    {
        var input = Household(Adult()) with { Assets = new HouseholdAssets(0m, 0) };

        Assert.That(Assess(input, National()).Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
    }

    [Test]
    public void Assess_WhenMotorVehicleButVehiclesDoNotDisqualify_AssetsPass()
    {
        var input = Household(Adult()) with { Assets = new HouseholdAssets(0m, 1) };

        var result = Assess(input, National(("dibao.assets.motorVehicleDisqualifies", false)));

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
    }
}
