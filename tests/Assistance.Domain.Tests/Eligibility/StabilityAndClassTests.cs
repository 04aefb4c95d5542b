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
        var result = AssessWithSupporter(Adult() with { LaborCapacity = LaborCapacity.Partial, SeriousIllness = true }, Adult() with { LaborCapacity = LaborCapacity.Partial });

        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.A));
    }

    [Test]
    public void Assess_WhenStableWithPartialCapacityAndNoSevereCondition_IsClassB()
    {
        var result = AssessWithSupporter(Adult() with { LaborCapacity = LaborCapacity.Partial });

        Assert.That(result.Stability, Is.EqualTo(Stability.Stable));
        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.B));
    }

    [TestCase(DisabilityCategory.Hearing, 2, DibaoClass.A)]
    [TestCase(DisabilityCategory.Hearing, 3, DibaoClass.B)]
    [TestCase(DisabilityCategory.Intellectual, 3, DibaoClass.A)]
    [TestCase(DisabilityCategory.Physical, 3, DibaoClass.B)]
    public void Assess_WhenDisabilityGradeAtSevereBoundary_ClassFollowsSeverity(DisabilityCategory category, int grade, DibaoClass expected)
    {
        var result = AssessWithSupporter(Adult() with { LaborCapacity = LaborCapacity.Partial, Disability = new Disability(category, grade) });

        Assert.That(result.DibaoClass, Is.EqualTo(expected));
    }

    // "Lacks labour capacity" includes an age outside labour.workingAge [min, max]: class A needs everyone to lack it.
    [Test]
    public void Assess_WhenPartialCapacityMemberAtWorkingAgeMax_DoesNotLackCapacityClassB()
    {
        var result = AssessWithSupporter(new MemberInput { BirthDate = D.AddYears(-WorkingMax), LaborCapacity = LaborCapacity.Partial });

        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.B));
    }

    [Test]
    public void Assess_WhenPartialCapacityMemberOneYearPastWorkingAgeMax_LacksCapacityClassA()
    {
        var result = AssessWithSupporter(new MemberInput { BirthDate = D.AddYears(-(WorkingMax + 1)), LaborCapacity = LaborCapacity.Partial });

        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.A));
    }

    [Test]
    public void Assess_WhenPartialCapacityMemberTurnsWorkingAgeMinToday_DoesNotLackCapacityClassB()
    {
        var result = AssessWithSupporter(new MemberInput { BirthDate = D.AddYears(-WorkingMin), LaborCapacity = LaborCapacity.Partial });

        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.B));
    }

    [Test]
    public void Assess_WhenPartialCapacityMemberTurnsWorkingAgeMinTomorrow_LacksCapacityClassA()
    {
        var result = AssessWithSupporter(new MemberInput { BirthDate = D.AddYears(-WorkingMin).AddDays(1), LaborCapacity = LaborCapacity.Partial });

        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.A));
    }

    [TestCase(DisabilityCategory.Mental, 3, DibaoClass.A)]
    [TestCase(DisabilityCategory.Mental, 4, DibaoClass.B)]
    [TestCase(DisabilityCategory.Intellectual, 4, DibaoClass.B)]
    [TestCase(DisabilityCategory.Speech, 1, DibaoClass.A)]
    public void Assess_WhenMoreSevereBoundaries_ClassFollowsSeverity(DisabilityCategory category, int grade, DibaoClass expected)
    {
        var result = AssessWithSupporter(Adult() with { LaborCapacity = LaborCapacity.Partial, Disability = new Disability(category, grade) });

        Assert.That(result.DibaoClass, Is.EqualTo(expected));
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
