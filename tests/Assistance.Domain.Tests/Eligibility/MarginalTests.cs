namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Tests.Support;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>R-18; N-57 Art.8: P &lt; marginal.maxMultipleOfStandard × S and assets pass → DibaoMarginal, no cash.</summary>
public class MarginalTests
{
    private static decimal Ceiling => PolicyData.Number(National(), "dibao.marginal.maxMultipleOfStandard") * S;

    [Test]
    public void Assess_WhenPerCapitaIncomeOneCentBelowMarginalCeiling_IsMarginalWithoutCash()
    {
        var result = Assess(Household(Adult().WithIncome(IncomeType.Wage, Ceiling - 0.01m)), National());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.DibaoMarginal));
        Assert.That(result.MonthlyAmount, Is.Zero);
        Assert.That(result.ReviewIntervalMonths, Is.Null);
        Assert.That(result.DibaoClass, Is.Null);
    }

    [Test]
    public void Assess_WhenPerCapitaIncomeEqualsMarginalCeiling_IsNotEligible()
    {
        var result = Assess(Household(Adult().WithIncome(IncomeType.Wage, Ceiling)), National());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
        Assert.That(result.Entry("R-18").Passed, Is.False);
    }

    [Test]
    public void Assess_WhenIncomeEqualsStandard_IsMarginalNotDibao()
    {
        var result = Assess(Household(Adult().WithIncome(IncomeType.Wage, S)), National());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.DibaoMarginal));
    }

    [Test]
    public void Assess_WhenAssetsFail_IsNotMarginal()
    {
        var input = Household(Adult().WithIncome(IncomeType.Wage, S)) with { Assets = new HouseholdAssets(0m, 1) };

        Assert.That(Assess(input, National()).Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
    }
}
