namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Tests.Support;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>R-19 (domain.md §3 steps 6–7): household outcome, amount, review interval and rounding.</summary>
public class HouseholdOutcomeTests
{
    [Test]
    public void Assess_WhenTekunAndUnstableDibaoUnit_TakesTekunAndTheShortestInterval()
    {
        var result = Assess(Household(Elder(), Adult()), National());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Tekun));
        var set = National();
        var expected = Math.Min(set.Get("review.intervalMonths.tekun")!.Value.AsInteger(), set.Get("review.intervalMonths.dibaoUnstable")!.Value.AsInteger());
        Assert.That(result.ReviewIntervalMonths, Is.EqualTo(expected));
        Assert.That(result.MonthlyAmount, Is.EqualTo(result.Members[0].MonthlyAmount + S));
        Assert.That(result.Stability, Is.EqualTo(Stability.Unstable));
    }

    [Test]
    public void Assess_WhenOnlyTekun_IntervalIsTheTekunInterval()
    {
        var result = Assess(Household(Elder()), National(("review.intervalMonths.tekun", 9)));

        Assert.That(result.ReviewIntervalMonths, Is.EqualTo(9));
    }

    [Test]
    public void Assess_WhenRoundingIsCentAndHalfCent_RoundsHalfAwayFromZero()
    {
        var result = Assess(Household(Adult().WithIncome(IncomeType.Wage, 0.005m)), National(("payment.rounding", "Cent")));

        Assert.That(result.MonthlyAmount, Is.EqualTo(S - 0.00m));
    }

    [Test]
    public void Assess_WhenRoundingIsCentAndJustBelowHalfCent_RoundsDown()
    {
        var result = Assess(Household(Adult().WithIncome(IncomeType.Wage, 0.0051m)), National(("payment.rounding", "Cent")));

        Assert.That(result.MonthlyAmount, Is.EqualTo(S - 0.01m));
    }

    [Test]
    public void Assess_WhenRoundingIsYuan_RoundsEachAmountUpToWholeYuan()
    {
        var result = Assess(Household(Adult().WithIncome(IncomeType.Wage, 0.01m)), National(("payment.rounding", "Yuan")));

        Assert.That(result.MonthlyAmount, Is.EqualTo(S));
    }

    [Test]
    public void Assess_WhenRoundingIsYuanAndAmountIsWhole_KeepsIt()
    {
        var result = Assess(Household(Adult().WithIncome(IncomeType.Wage, 1.00m)), National(("payment.rounding", "Yuan")));

        Assert.That(result.MonthlyAmount, Is.EqualTo(S - 1m));
    }

    [Test]
    public void Assess_WhenTekunWithYuanRounding_BasicAndCareAreRoundedSeparately()
    {
        var parameters = National(("payment.rounding", "Yuan"), ("tekun.basic.standard", 1300.01m), ("tekun.care.amount.selfCare", 10.01m));

        var member = Assess(Household(Elder()), parameters).Members[0];

        Assert.That(member.TekunBasic, Is.EqualTo(decimal.Ceiling(1300.01m)));
        Assert.That(member.TekunCare, Is.EqualTo(decimal.Ceiling(10.01m)));
        Assert.That(member.MonthlyAmount, Is.EqualTo(member.TekunBasic + member.TekunCare));
    }

    [Test]
    public void Assess_WhenAmountsReturned_CarryTwoDecimals()
    {
        var result = Assess(Household(Adult()), National(("payment.rounding", "Yuan")));

        Assert.That(result.MonthlyAmount.Scale, Is.EqualTo(2));
    }

    [Test]
    public void Assess_WhenTraceOff_ResultIsTheSameWithoutTrace()
    {
        var input = Household(Elder(), Adult().WithIncome(IncomeType.Wage, 300m));

        var traced = EligibilityEngine.Assess(input, National(), trace: true);
        var untraced = EligibilityEngine.Assess(input, National(), trace: false);

        Assert.That(untraced.Trace, Is.Empty);
        Assert.That(untraced with { Trace = traced.Trace, Members = traced.Members }, Is.EqualTo(traced));
        Assert.That(untraced.Members, Is.EqualTo(traced.Members));
    }

    [Test]
    public void Assess_WhenTraced_EveryEntryNamesAnRuleIdAndClause()
    {
        var result = Assess(Household(Elder(), Adult().WithIncome(IncomeType.Wage, 1200m)), National());

        Assert.That(result.Trace.Select(t => t.Rule), Is.All.Match("^R-(01|1[0-9])$"));
        Assert.That(result.Trace.Select(t => t.Source), Is.All.Not.Empty);
        Assert.That(result.Trace.Select(t => t.Rule), Is.SupersetOf(new[] { "R-01", "R-10", "R-11", "R-12", "R-13", "R-14", "R-16", "R-18", "R-19" }));
        Assert.That(PolicyData.Number(National(), "dibao.marginal.maxMultipleOfStandard"), Is.GreaterThan(1.2m));
    }
}
