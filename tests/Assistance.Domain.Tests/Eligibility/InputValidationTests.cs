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

    // The validator checks enum values against a table built once per enum type (issue 14): every value the
    // runtime calls defined passes, and values just outside, negative, at the table's edge or huge are refused.
    [TestCase(-1)]
    [TestCase(63)]
    [TestCase(64)]
    [TestCase(int.MaxValue)]
    [TestCase(int.MinValue)]
    public void Assess_WhenAnEnumValueIsUndefined_NamesItsField(int value)
    {
        Assert.Multiple(() =>
        {
            Assert.That(FieldOf(Household(D, "000000", [Adult()]) with { Residence = (ResidenceType)value }), Is.EqualTo("residence"));
            Assert.That(FieldOf(Household(Adult() with { Status = (MemberStatus)value })), Is.EqualTo("members[0].status"));
            Assert.That(FieldOf(Household(Adult() with { LaborCapacity = (LaborCapacity)value })), Is.EqualTo("members[0].laborCapacity"));
            Assert.That(FieldOf(Household(Adult() with { SelfCare = (SelfCareLevel)value })), Is.EqualTo("members[0].selfCare"));
            Assert.That(FieldOf(Household(Adult() with { Disability = new Disability((DisabilityCategory)value, 1) })), Is.EqualTo("members[0].disability.category"));
            Assert.That(FieldOf(Household(Adult().WithIncome((IncomeType)value, 1m))), Is.EqualTo("members[0].incomes[0].type"));
        });
    }

    [Test]
    public void Assess_WhenEveryEnumValueIsDefined_IsAccepted()
    {
        Assert.Multiple(() =>
        {
            foreach (var value in Enum.GetValues<ResidenceType>())
            {
                Assert.DoesNotThrow(() => EligibilityEngine.Assess(Household(D, "000000", [Adult()]) with { Residence = value }, National(), trace: false));
            }

            foreach (var value in Enum.GetValues<MemberStatus>())
            {
                Assert.DoesNotThrow(() => EligibilityEngine.Assess(Household(Adult() with { Status = value }), National(), trace: false));
            }

            foreach (var value in Enum.GetValues<LaborCapacity>())
            {
                Assert.DoesNotThrow(() => EligibilityEngine.Assess(Household(Adult() with { LaborCapacity = value }), National(), trace: false));
            }

            foreach (var value in Enum.GetValues<SelfCareLevel>())
            {
                Assert.DoesNotThrow(() => EligibilityEngine.Assess(Household(Adult() with { SelfCare = value }), National(), trace: false));
            }

            foreach (var value in Enum.GetValues<DisabilityCategory>())
            {
                Assert.DoesNotThrow(() => EligibilityEngine.Assess(Household(Adult() with { Disability = new Disability(value, 1) }), National(), trace: false));
            }

            foreach (var value in Enum.GetValues<IncomeType>())
            {
                Assert.DoesNotThrow(() => EligibilityEngine.Assess(Household(Adult().WithIncome(value, 1m)), National(), trace: false));
            }
        });
    }
}
