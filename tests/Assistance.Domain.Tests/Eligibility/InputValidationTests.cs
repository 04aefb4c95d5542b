namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Common;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>Malformed input is a DomainValidationException naming the field path of the request.</summary>
public class InputValidationTests
{
    private static string FieldOf(AssessmentInput input) =>
        Assert.Throws<DomainValidationException>(() => EligibilityEngine.Assess(input, National(), trace: false))!.Field;

    private static string IdFor(DateOnly birth, int sequence)
    {
        var first17 = "320682" + birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + sequence.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + NationalId.CheckCharacterFor(first17);
    }

    [Test]
    public void Assess_WhenBirthDateIsTomorrow_NamesBirthDate()
    {
        Assert.That(FieldOf(Household(Adult(), new MemberInput { BirthDate = D.AddDays(1) })), Is.EqualTo("members[1].birthDate"));
    }

    [Test]
    public void Assess_WhenBornToday_IsAccepted()
    {
        Assert.That(EligibilityEngine.Assess(Household(new MemberInput { BirthDate = D }), National(), trace: false).Members[0].Counted, Is.True);
    }

    [Test]
    public void Assess_WhenBirthDateDisagreesWithId_NamesBirthDate()
    {
        var member = new MemberInput { IdNumber = IdFor(new DateOnly(1950, 1, 1), 1), BirthDate = new DateOnly(1950, 1, 2) };

        Assert.That(FieldOf(Household(member)), Is.EqualTo("members[0].birthDate"));
    }

    [Test]
    public void Assess_WhenOnlyIdGiven_TakesBirthDateFromIt()
    {
        var member = new MemberInput { IdNumber = IdFor(new DateOnly(1950, 1, 1), 1), LaborCapacity = LaborCapacity.None };

        Assert.That(Assess(Household(member), National()).Members[0].Outcome, Is.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void Assess_WhenIdInvalid_NamesIdNumber()
    {
        var id = IdFor(new DateOnly(1950, 1, 1), 1);
        var broken = id[..17] + (id[17] == '0' ? '1' : '0');

        Assert.That(FieldOf(Household(new MemberInput { IdNumber = broken })), Is.EqualTo("members[0].idNumber"));
    }

    [Test]
    public void Assess_WhenNeitherIdNorBirthDate_NamesBirthDate()
    {
        Assert.That(FieldOf(Household(new MemberInput())), Is.EqualTo("members[0].birthDate"));
    }

    [Test]
    public void Assess_WhenIncomeNegative_NamesTheIncomeAmount()
    {
        Assert.That(FieldOf(Household(Adult().WithIncome(IncomeType.Wage, 1m).WithIncome(IncomeType.Wage, -0.01m))), Is.EqualTo("members[0].incomes[1].monthlyAmount"));
    }

    [Test]
    public void Assess_WhenIncomeZero_IsAccepted()
    {
        Assert.DoesNotThrow(() => EligibilityEngine.Assess(Household(Adult().WithIncome(IncomeType.Wage, 0m)), National(), trace: false));
    }

    [Test]
    public void Assess_WhenFinancialAssetsNegative_NamesAssetsFinancial()
    {
        Assert.That(FieldOf(Household(Adult()) with { Assets = new HouseholdAssets(-0.01m, 0) }), Is.EqualTo("assets.financial"));
    }

    [Test]
    public void Assess_WhenMotorVehiclesNegative_NamesAssetsMotorVehicles()
    {
        Assert.That(FieldOf(Household(Adult()) with { Assets = new HouseholdAssets(0m, -1) }), Is.EqualTo("assets.motorVehicles"));
    }

    [Test]
    public void Assess_WhenRigidExpenditureNegative_NamesIt()
    {
        Assert.That(FieldOf(Household(Adult()) with { MonthlyRigidExpenditure = -0.01m }), Is.EqualTo("monthlyRigidExpenditure"));
    }

    [Test]
    public void Assess_WhenNoMembers_NamesMembers()
    {
        Assert.That(FieldOf(Household()), Is.EqualTo("members"));
    }

    [TestCase(0)]
    [TestCase(5)]
    public void Assess_WhenDisabilityGradeOutsideOneToFour_NamesGrade(int grade)
    {
        Assert.That(FieldOf(Household(Adult() with { Disability = new Disability(DisabilityCategory.Physical, grade) })), Is.EqualTo("members[0].disability.grade"));
    }

    [Test]
    public void Assess_WhenParametersResolvedForAnotherDate_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => EligibilityEngine.Assess(Household(Adult()), National(D.AddDays(1)), trace: false));
    }
}
