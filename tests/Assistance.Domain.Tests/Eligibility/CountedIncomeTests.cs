namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Households;
using Assistance.Domain.Tests.Support;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>R-10; S0 一, N-57 Art.13: excluded income types and the employment cost deduction.</summary>
public class CountedIncomeTests
{
    private const decimal Deduction = 200m;

    [TestCase(IncomeType.PreferentialCare)]
    [TestCase(IncomeType.Award)]
    [TestCase(IncomeType.SocialAssistance)]
    [TestCase(IncomeType.ResidentBasicPension)]
    public void Assess_WhenIncomeTypeExcludedOnD_DoesNotReduceDibao(IncomeType type)
    {
        var result = Assess(Household(Adult().WithIncome(type, 300m)), National());

        Assert.That(result.MonthlyAmount, Is.EqualTo(S));
    }

    [TestCase(IncomeType.Wage)]
    [TestCase(IncomeType.Business)]
    [TestCase(IncomeType.Property)]
    [TestCase(IncomeType.Transfer)]
    [TestCase(IncomeType.OldAgeAllowance)]
    public void Assess_WhenIncomeTypeCounted_ReducesDibaoByIt(IncomeType type)
    {
        var result = Assess(Household(Adult().WithIncome(type, 300m)), National());

        Assert.That(result.MonthlyAmount, Is.EqualTo(S - 300m));
    }

    [Test]
    public void Assess_WhenEmployedWageAboveDeduction_DeductsTheFullDeduction()
    {
        var member = Adult().WithIncome(IncomeType.Wage, Deduction + 0.01m) with { Employed = true };

        var result = Assess(Household(member), National(("dibao.employmentCost.monthlyDeduction", Deduction)));

        Assert.That(result.MonthlyAmount, Is.EqualTo(S - 0.01m));
    }

    [Test]
    public void Assess_WhenEmployedWageEqualsDeduction_CountsNothing()
    {
        var member = Adult().WithIncome(IncomeType.Wage, Deduction) with { Employed = true };

        var result = Assess(Household(member), National(("dibao.employmentCost.monthlyDeduction", Deduction)));

        Assert.That(result.MonthlyAmount, Is.EqualTo(S));
    }

    [Test]
    public void Assess_WhenEmployedWageBelowDeduction_DeductsOnlyTheWageNotOtherIncome()
    {
        var member = Adult().WithIncome(IncomeType.Wage, Deduction - 0.01m).WithIncome(IncomeType.Business, 100m) with { Employed = true };

        var result = Assess(Household(member), National(("dibao.employmentCost.monthlyDeduction", Deduction)));

        Assert.That(result.MonthlyAmount, Is.EqualTo(S - 100m));
    }

    [Test]
    public void Assess_WhenNotEmployed_WageIsNotReducedByTheDeduction()
    {
        var member = Adult().WithIncome(IncomeType.Wage, 300m) with { Employed = false };

        var result = Assess(Household(member), National(("dibao.employmentCost.monthlyDeduction", Deduction)));

        Assert.That(result.MonthlyAmount, Is.EqualTo(S - 300m));
    }

    [Test]
    public void Assess_WhenIncomeCounted_TraceNamesTheExclusionListAndDeduction()
    {
        var result = Assess(Household(Adult()), National());

        var keys = result.Entry("R-10").Parameters.Select(p => p.Key);
        Assert.That(keys, Does.Contain("dibao.income.excludedTypes").And.Contain("dibao.employmentCost.monthlyDeduction"));
    }
}
