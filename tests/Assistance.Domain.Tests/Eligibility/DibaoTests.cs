namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>R-14; S3 三(一); N-57 Art.13–14, 23: P &lt; S and assets pass; amount (S − P) × n.</summary>
public class DibaoTests
{
    [TestCase(1)]
    [TestCase(3)]
    public void Assess_WhenPerCapitaIncomeEqualsStandard_IsNotDibao(int size)
    {
        var members = Enumerable.Range(0, size).Select(_ => Adult().WithIncome(IncomeType.Wage, S)).ToArray();

        var result = Assess(Household(members), National());

        Assert.That(result.Outcome, Is.Not.EqualTo(AssessmentOutcome.Dibao));
        Assert.That(result.EntryNamed("dibao.income-test").Passed, Is.False);
    }

    [TestCase(1)]
    [TestCase(3)]
    public void Assess_WhenHouseholdIncomeOneCentBelowStandardTimesN_IsDibaoForOneCent(int size)
    {
        var members = Enumerable.Range(0, size).Select(_ => Adult().WithIncome(IncomeType.Wage, S)).ToArray();
        members[0] = Adult().WithIncome(IncomeType.Wage, S - 0.01m);

        var result = Assess(Household(members), National());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
        Assert.That(result.MonthlyAmount, Is.EqualTo(0.01m));
    }

    [Test]
    public void Assess_WhenDibao_AmountIsGapTimesMembersAndMembersCarryNoAmount()
    {
        var result = Assess(Household(Adult().WithIncome(IncomeType.Wage, 600m), Adult(), Adult(10) with { HasCapableSupporter = true }), National());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
        Assert.That(result.MonthlyAmount, Is.EqualTo((S * 3) - 600m));
        Assert.That(result.Members.Select(m => m.MonthlyAmount), Is.All.Null);
        Assert.That(result.Members.Select(m => m.Outcome), Is.All.EqualTo(AssessmentOutcome.Dibao));
    }

    [Test]
    public void Assess_WhenRuralResidence_UsesTheRuralStandard()
    {
        var input = Household(Adult()) with { Residence = ResidenceType.Rural };

        var result = Assess(input, National(("dibao.standard.rural", 700m)));

        Assert.That(result.MonthlyAmount, Is.EqualTo(700m));
        Assert.That(result.EntryNamed("dibao.income-test").Parameters.Select(p => p.Key), Does.Contain("dibao.standard.rural").And.Not.Contain("dibao.standard.urban"));
    }

    [Test]
    public void Assess_WhenStandardNotInForce_ThrowsParameterNotInForceNamingIt()
    {
        var error = Assert.Throws<Assistance.Domain.Policy.ParameterNotInForceException>(() =>
            EligibilityEngine.Assess(Household(Adult()), National(("dibao.standard.urban", null)), trace: false));

        Assert.That(error!.Key, Is.EqualTo("dibao.standard.urban"));
        Assert.That(error.Date, Is.EqualTo(D));
    }

    [Test]
    public void Assess_WhenDateBeforeTheFirstSeededStandard_ThrowsParameterNotInForce()
    {
        var date = new DateOnly(2018, 12, 31);
        var set = Assistance.Domain.Tests.Support.PolicyData.For("320682", date);

        var error = Assert.Throws<Assistance.Domain.Policy.ParameterNotInForceException>(() =>
            EligibilityEngine.Assess(Household(date, "320682", Adult(on: date)), set, trace: false));

        Assert.That(error!.RegionCode, Is.EqualTo("320682"));
    }

    [Test]
    public void Assess_WhenCityWithoutOwnStandard_ThrowsParameterNotInForce()
    {
        var date = new DateOnly(2022, 10, 1);
        var set = Assistance.Domain.Tests.Support.PolicyData.For("320600", date);

        Assert.Throws<Assistance.Domain.Policy.ParameterNotInForceException>(() =>
            EligibilityEngine.Assess(Household(date, "320600", Adult(on: date)), set, trace: false));
    }
}
