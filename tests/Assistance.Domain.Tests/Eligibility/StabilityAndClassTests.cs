namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Tests.Support;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>R-15; S0 二; S2 二(四): stability, class A/B/C and the review interval.</summary>
public class StabilityAndClassTests
{
    private static int WorkingMax => National().Get("labour.workingAge.max")!.Value.AsInteger();

    private static int WorkingMin => National().Get("labour.workingAge.min")!.Value.AsInteger();

    private static AssessmentResult AssessWithSupporter(params MemberInput[] members) =>
        Assess(Household(members.Select(m => m with { HasCapableSupporter = true }).ToArray()), National());

    [Test]
    public void Assess_WhenFullCapacityMemberAtWorkingAgeMax_IsUnstableClassC()
    {
        var result = AssessWithSupporter(new MemberInput { BirthDate = D.AddYears(-WorkingMax), LaborCapacity = LaborCapacity.Full });

        Assert.That(result.Stability, Is.EqualTo(Stability.Unstable));
        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.C));
        Assert.That(result.ReviewIntervalMonths, Is.EqualTo(PolicyData.Number(National(), "review.intervalMonths.dibaoUnstable")));
    }

    [Test]
    public void Assess_WhenFullCapacityMemberOneDayPastWorkingAgeMax_IsStable()
    {
        var result = AssessWithSupporter(new MemberInput { BirthDate = D.AddYears(-(WorkingMax + 1)), LaborCapacity = LaborCapacity.Full });

        Assert.That(result.Stability, Is.EqualTo(Stability.Stable));
        Assert.That(result.ReviewIntervalMonths, Is.EqualTo(PolicyData.Number(National(), "review.intervalMonths.dibaoStable")));
    }

    [Test]
    public void Assess_WhenFullCapacityMemberTurnsWorkingAgeMinToday_IsUnstable()
    {
        var result = AssessWithSupporter(new MemberInput { BirthDate = D.AddYears(-WorkingMin), LaborCapacity = LaborCapacity.Full });

        Assert.That(result.Stability, Is.EqualTo(Stability.Unstable));
    }

    [Test]
    public void Assess_WhenFullCapacityMemberTurnsWorkingAgeMinTomorrow_IsStable()
    {
        var result = AssessWithSupporter(new MemberInput { BirthDate = D.AddYears(-WorkingMin).AddDays(1), LaborCapacity = LaborCapacity.Full });

        Assert.That(result.Stability, Is.EqualTo(Stability.Stable));
    }

    [Test]
    public void Assess_WhenAnIncomeItemIsUnstable_IsUnstable()
    {
        var result = AssessWithSupporter(Adult().WithIncome(IncomeType.Business, 10m, unstable: true) with { LaborCapacity = LaborCapacity.Partial });

        Assert.That(result.Stability, Is.EqualTo(Stability.Unstable));
        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.C));
    }

    [Test]
    public void Assess_WhenStableAndEveryoneLacksLabourCapacity_IsClassA()
    {
        var result = AssessWithSupporter(Adult() with { LaborCapacity = LaborCapacity.None }, Adult(70));

        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.A));
    }

    [Test]
    public void Assess_WhenStableAndOneHasASevereCondition_IsClassA()
    {
        var result = AssessWithSupporter(Adult() with { LaborCapacity = LaborCapacity.None, SeriousIllness = true }, Adult(70));

        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.A));
    }

    // R-15; S0 二 "家庭成员有劳动能力…每半年核查一次": Partial capacity is still labour capacity, so a working-age member
    // with Partial capacity and no qualifying disability makes the unit Unstable, reviewed every six months.
    [Test]
    public void Assess_WhenWorkingAgeMemberHasPartialCapacityAndNoQualifyingDisability_IsUnstableClassCReviewedHalfYearly()
    {
        var result = AssessWithSupporter(Adult() with { LaborCapacity = LaborCapacity.Partial });

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
        Assert.That(result.Stability, Is.EqualTo(Stability.Unstable));
        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.C));
        Assert.That(result.ReviewIntervalMonths, Is.EqualTo(PolicyData.Number(National(), "review.intervalMonths.dibaoUnstable")));
        Assert.That(result.Entry("R-15").Detail, Does.Contain("member with labour capacity: yes"));
    }

    [Test]
    public void Assess_WhenPartialCapacityMemberHasQualifyingDisability_IsStable()
    {
        var result = AssessWithSupporter(Adult() with { LaborCapacity = LaborCapacity.Partial, Disability = new Disability(DisabilityCategory.Physical, 2) });

        Assert.That(result.Stability, Is.EqualTo(Stability.Stable));
        Assert.That(result.ReviewIntervalMonths, Is.EqualTo(PolicyData.Number(National(), "review.intervalMonths.dibaoStable")));
    }

    // A working-age Partial member is Stable only with a qualifying disability (N-43 Art.5), and then lacks labour
    // capacity, so class A; without one the unit is Unstable, class C.
    [TestCase(DisabilityCategory.Hearing, 2, DibaoClass.C)]
    [TestCase(DisabilityCategory.Hearing, 3, DibaoClass.C)]
    [TestCase(DisabilityCategory.Intellectual, 3, DibaoClass.A)]
    [TestCase(DisabilityCategory.Physical, 2, DibaoClass.A)]
    [TestCase(DisabilityCategory.Physical, 3, DibaoClass.C)]
    [TestCase(DisabilityCategory.Mental, 3, DibaoClass.A)]
    [TestCase(DisabilityCategory.Mental, 4, DibaoClass.C)]
    [TestCase(DisabilityCategory.Intellectual, 4, DibaoClass.C)]
    [TestCase(DisabilityCategory.Visual, 1, DibaoClass.A)]
    [TestCase(DisabilityCategory.Visual, 2, DibaoClass.C)]
    public void Assess_WhenPartialCapacityWithDisabilityAtQualifyingBoundary_ClassFollowsStability(DisabilityCategory category, int grade, DibaoClass expected)
    {
        var result = AssessWithSupporter(Adult() with { LaborCapacity = LaborCapacity.Partial, Disability = new Disability(category, grade) });

        Assert.That(result.DibaoClass, Is.EqualTo(expected));
    }

    // "Lacks labour capacity" includes an age outside labour.workingAge [min, max].
    [Test]
    public void Assess_WhenPartialCapacityMemberAtWorkingAgeMax_IsUnstableClassC()
    {
        var result = AssessWithSupporter(new MemberInput { BirthDate = D.AddYears(-WorkingMax), LaborCapacity = LaborCapacity.Partial });

        Assert.That(result.Stability, Is.EqualTo(Stability.Unstable));
        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.C));
    }

    [Test]
    public void Assess_WhenPartialCapacityMemberOneYearPastWorkingAgeMax_LacksCapacityClassA()
    {
        var result = AssessWithSupporter(new MemberInput { BirthDate = D.AddYears(-(WorkingMax + 1)), LaborCapacity = LaborCapacity.Partial });

        Assert.That(result.Stability, Is.EqualTo(Stability.Stable));
        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.A));
    }

    [Test]
    public void Assess_WhenPartialCapacityMemberTurnsWorkingAgeMinToday_IsUnstableClassC()
    {
        var result = AssessWithSupporter(new MemberInput { BirthDate = D.AddYears(-WorkingMin), LaborCapacity = LaborCapacity.Partial });

        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.C));
    }

    [Test]
    public void Assess_WhenPartialCapacityMemberTurnsWorkingAgeMinTomorrow_LacksCapacityClassA()
    {
        var result = AssessWithSupporter(new MemberInput { BirthDate = D.AddYears(-WorkingMin).AddDays(1), LaborCapacity = LaborCapacity.Partial });

        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.A));
    }

    [Test]
    public void Assess_WhenNotDibao_HasNoStabilityOrClass()
    {
        var result = AssessWithSupporter(Adult().WithIncome(IncomeType.Wage, S * 3));

        Assert.That(result.Stability, Is.Null);
        Assert.That(result.DibaoClass, Is.Null);
        Assert.That(result.ReviewIntervalMonths, Is.Null);
    }
}
