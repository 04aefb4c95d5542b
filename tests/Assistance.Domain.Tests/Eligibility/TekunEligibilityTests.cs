namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Tests.Support;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>R-11; S3 三(一); S2 二(四); N-43 Art.4–8: category, no labour capacity, no living, no supporter.</summary>
public class TekunEligibilityTests
{
    private static int ElderlyAge => National().Get("tekun.elderlyAge")!.Value.AsInteger();

    private static int MinorLimit => National().Get("tekun.minorAgeLimit")!.Value.AsInteger();

    private static AssessmentOutcome OutcomeOf(MemberInput member) => Assess(Household(member), National()).Members[0].Outcome;

    [Test]
    public void Assess_WhenAgeExactlyElderlyAgeToday_IsTekun()
    {
        var member = new MemberInput { BirthDate = D.AddYears(-ElderlyAge), LaborCapacity = LaborCapacity.None };

        Assert.That(OutcomeOf(member), Is.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void Assess_WhenElderlyBirthdayIsTomorrow_IsNotTekun()
    {
        var member = new MemberInput { BirthDate = D.AddYears(-ElderlyAge).AddDays(1), LaborCapacity = LaborCapacity.None };

        Assert.That(OutcomeOf(member), Is.Not.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void Assess_WhenMinorLimitReachedTomorrow_IsTekunEvenWithFullCapacity()
    {
        var member = new MemberInput { BirthDate = D.AddYears(-MinorLimit).AddDays(1), LaborCapacity = LaborCapacity.Full };

        Assert.That(OutcomeOf(member), Is.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void Assess_WhenMinorLimitReachedToday_IsNotTekun()
    {
        var member = new MemberInput { BirthDate = D.AddYears(-MinorLimit), LaborCapacity = LaborCapacity.Full };

        Assert.That(OutcomeOf(member), Is.Not.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void Assess_WhenTekunIncomeOneCentBelowStandard_IsTekun()
    {
        Assert.That(OutcomeOf(Elder().WithIncome(IncomeType.Business, S - 0.01m)), Is.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void Assess_WhenTekunIncomeEqualsStandard_IsNotTekun()
    {
        Assert.That(OutcomeOf(Elder().WithIncome(IncomeType.Business, S)), Is.Not.EqualTo(AssessmentOutcome.Tekun));
    }

    [TestCase(IncomeType.ResidentBasicPension)]
    [TestCase(IncomeType.OldAgeAllowance)]
    [TestCase(IncomeType.PreferentialCare)]
    [TestCase(IncomeType.SocialAssistance)]
    [TestCase(IncomeType.Award)]
    public void Assess_WhenIncomeTypeExcludedForTekun_DoesNotCountForTheTekunTest(IncomeType type)
    {
        Assert.That(OutcomeOf(Elder().WithIncome(type, S * 2)), Is.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void Assess_WhenCapableSupporterExists_IsNotTekun()
    {
        Assert.That(OutcomeOf(Elder() with { HasCapableSupporter = true }), Is.Not.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void Assess_WhenAssetsFail_IsNotTekun()
    {
        var input = Household(Elder()) with { Assets = new HouseholdAssets(0m, 1) };

        Assert.That(Assess(input, National()).Members[0].Outcome, Is.Not.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void Assess_WhenElderlyDeclaresFullCapacity_IsTekunBecauseAboveWorkingAge()
    {
        // Aged 60+ lies above labour.workingAge.max, so the elderly person lacks labour capacity whatever is declared.
        Assert.That(OutcomeOf(Elder() with { LaborCapacity = LaborCapacity.Full }), Is.EqualTo(AssessmentOutcome.Tekun));
    }

    [TestCase(DisabilityCategory.Physical, 2, true)]
    [TestCase(DisabilityCategory.Physical, 3, false)]
    [TestCase(DisabilityCategory.Intellectual, 3, true)]
    [TestCase(DisabilityCategory.Intellectual, 4, false)]
    [TestCase(DisabilityCategory.Mental, 3, true)]
    [TestCase(DisabilityCategory.Mental, 4, false)]
    [TestCase(DisabilityCategory.Visual, 1, true)]
    [TestCase(DisabilityCategory.Visual, 2, false)]
    [TestCase(DisabilityCategory.Hearing, 1, false)]
    [TestCase(DisabilityCategory.Speech, 1, false)]
    [TestCase(DisabilityCategory.Multiple, 1, false)]
    public void Assess_WhenWorkingAgeAdultWithDisability_IsTekunOnlyForQualifyingDisability(DisabilityCategory category, int grade, bool expected)
    {
        var member = Adult() with { Disability = new Disability(category, grade), LaborCapacity = LaborCapacity.Full };

        Assert.That(OutcomeOf(member) == AssessmentOutcome.Tekun, Is.EqualTo(expected));
    }

    [Test]
    public void Assess_WhenTekunAndDibaoMembersTogether_TekunMemberLeavesTheDibaoUnit()
    {
        var adult = Adult().WithIncome(IncomeType.Wage, 400m);

        var result = Assess(Household(Elder(), adult), National());

        Assert.That(result.Members[0].Outcome, Is.EqualTo(AssessmentOutcome.Tekun));
        Assert.That(result.Members[1].Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Tekun));
        var dibaoAmount = S - 400m;
        Assert.That(result.MonthlyAmount, Is.EqualTo(result.Members[0].MonthlyAmount + dibaoAmount));
    }

    [Test]
    public void Assess_WhenTekun_TraceNamesAgesIncomeExclusionsAndWorkingAge()
    {
        var keys = Assess(Household(Elder()), National()).Entry("R-11").Parameters.Select(p => p.Key).ToList();

        Assert.That(keys, Is.SupersetOf(new[] { "tekun.elderlyAge", "tekun.minorAgeLimit", "labour.workingAge.min", "labour.workingAge.max", "tekun.income.excludedTypes", "dibao.standard.urban" }));
    }

    [Test]
    public void Assess_WhenTekunInSeedData_AmountIsBasicPlusCare()
    {
        var set = PolicyData.For("320682", new DateOnly(2023, 6, 1));
        var member = Elder(on: set.Date) with { SelfCare = SelfCareLevel.FullCare };

        var result = EligibilityEngine.Assess(Household(set.Date, "320682", member), set, trace: false);

        var m = result.Members[0];
        Assert.That(m.MonthlyAmount, Is.EqualTo(m.TekunBasic + m.TekunCare));
        Assert.That(m.TekunCare, Is.EqualTo(PolicyData.Number(set, "tekun.care.amount.fullCare")));
    }
}
