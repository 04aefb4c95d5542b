namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>R-01; N-57 Art.7: only Present members are counted.</summary>
public class CountedMembersTests
{
    [TestCase(MemberStatus.Imprisoned)]
    [TestCase(MemberStatus.CompulsoryRehab)]
    [TestCase(MemberStatus.Missing)]
    [TestCase(MemberStatus.ReligiousAway)]
    [TestCase(MemberStatus.Deceased)]
    public void Assess_WhenMemberNotPresent_IsNotCountedAndNotEligible(MemberStatus status)
    {
        var result = Assess(Household(Adult(), Adult() with { Status = status }), National());

        Assert.That(result.Members[1].Counted, Is.False);
        Assert.That(result.Members[1].Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
        Assert.That(result.Members[0].Counted, Is.True);
    }

    [Test]
    public void Assess_WhenAbsentMemberHasIncome_IncomeIsNotCounted()
    {
        var present = Adult();
        var prisoner = Adult().WithIncome(IncomeType.Wage, 5000m) with { Status = MemberStatus.Imprisoned };

        var result = Assess(Household(present, prisoner), National());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
        Assert.That(result.MonthlyAmount, Is.EqualTo(S));
    }

    [Test]
    public void Assess_WhenNobodyIsPresent_HouseholdIsNotEligibleWithoutInterval()
    {
        var result = Assess(Household(Elder() with { Status = MemberStatus.Deceased }), National());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
        Assert.That(result.MonthlyAmount, Is.Zero);
        Assert.That(result.ReviewIntervalMonths, Is.Null);
        Assert.That(result.Entry("R-01").Passed, Is.False);
    }
}
