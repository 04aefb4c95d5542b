namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>R-17; S0 一; S2 二(四); N-57 Art.8: 单人保 for severe members of marginal households, when enabled.</summary>
public class SinglePersonDibaoTests
{
    /// <summary>A marginal household: a worker earning 1.2 × S for two, and a seriously ill member with own income.</summary>
    private static AssessmentInput MarginalWithSevereMember(decimal ownIncome) => Household(
        Adult().WithIncome(IncomeType.Wage, (S * 2.4m) - ownIncome) with { HasCapableSupporter = true },
        (Adult() with { SeriousIllness = true, LaborCapacity = LaborCapacity.Partial, HasCapableSupporter = true }).WithIncome(IncomeType.Transfer, ownIncome));

    [Test]
    public void Assess_WhenSevereMemberOwnIncomeOneCentBelowStandard_IsEnrolledAloneForOneCent()
    {
        var result = Assess(MarginalWithSevereMember(S - 0.01m), National());

        Assert.That(result.Members[1].Outcome, Is.EqualTo(AssessmentOutcome.DibaoSinglePerson));
        Assert.That(result.Members[1].MonthlyAmount, Is.EqualTo(0.01m));
        Assert.That(result.Members[0].Outcome, Is.EqualTo(AssessmentOutcome.DibaoMarginal));
        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.DibaoSinglePerson));
        Assert.That(result.MonthlyAmount, Is.EqualTo(0.01m));
    }

    [Test]
    public void Assess_WhenSevereMemberOwnIncomeEqualsStandard_IsNotEnrolled()
    {
        var result = Assess(MarginalWithSevereMember(S), National());

        Assert.That(result.Members[1].Outcome, Is.EqualTo(AssessmentOutcome.DibaoMarginal));
        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.DibaoMarginal));
    }

    [Test]
    public void Assess_WhenSinglePersonEnrolled_AmountIsStandardLessOwnIncomeAndReviewIsStable()
    {
        var result = Assess(MarginalWithSevereMember(0m), National());

        Assert.That(result.Members[1].MonthlyAmount, Is.EqualTo(S));
        Assert.That(result.ReviewIntervalMonths, Is.EqualTo(National().Get("review.intervalMonths.dibaoStable")!.Value.AsInteger()));
        Assert.That(result.DibaoClass, Is.Null);
    }

    [Test]
    public void Assess_WhenMemberNotSevere_IsNotEnrolled()
    {
        var input = MarginalWithSevereMember(0m);
        input = input with { Members = [input.Members[0], input.Members[1] with { SeriousIllness = false }] };

        Assert.That(Assess(input, National()).Outcome, Is.EqualTo(AssessmentOutcome.DibaoMarginal));
    }

    [Test]
    public void Assess_WhenSinglePersonDisabled_IsNotEnrolled()
    {
        var result = Assess(MarginalWithSevereMember(0m), National(("dibao.singlePerson.enabled", false)));

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.DibaoMarginal));
        Assert.That(result.Entry("R-17").Passed, Is.False);
    }
}
