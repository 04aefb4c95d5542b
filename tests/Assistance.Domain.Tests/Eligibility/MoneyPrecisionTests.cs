namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Common;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;
using Assistance.Domain.Tests.Support;

/// <summary>Money has at most two decimals: a sub-fen gap must not become a Dibao outcome that pays 0.00.</summary>
public sealed class MoneyPrecisionTests
{
    private static AssessmentInput Household(decimal income, decimal financial = 0m, decimal rigid = 0m) => new()
    {
        Region = RegionCode.Parse("320682"),
        AsOf = new DateOnly(2022, 10, 1),
        Residence = ResidenceType.Urban,
        Members = [new MemberInput { BirthDate = new DateOnly(1980, 1, 1), Incomes = [new IncomeItem(IncomeType.Wage, income, false)] }],
        Assets = new HouseholdAssets(financial, 0),
        MonthlyRigidExpenditure = rigid,
    };

    private static ParameterSet Parameters() => PolicyData.For("320682", new DateOnly(2022, 10, 1));

    [Test]
    public void Assess_IncomeWithThreeDecimals_IsRejectedNamingTheField()
    {
        var error = Assert.Throws<DomainValidationException>(() => EligibilityEngine.Assess(Household(899.996m), Parameters(), trace: false));
        Assert.That(error!.Field, Is.EqualTo("members[0].incomes[0].monthlyAmount"));
    }

    [Test]
    public void Assess_IncomeWithTwoDecimals_IsAccepted()
    {
        var result = EligibilityEngine.Assess(Household(899.99m), Parameters(), trace: false);
        Assert.That(result.Outcome, Is.Not.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void Assess_FinancialAssetsOrRigidWithThreeDecimals_AreRejected()
    {
        Assert.That(Assert.Throws<DomainValidationException>(() => EligibilityEngine.Assess(Household(0m, financial: 0.001m), Parameters(), false))!.Field,
            Is.EqualTo("assets.financial"));
        Assert.That(Assert.Throws<DomainValidationException>(() => EligibilityEngine.Assess(Household(0m, rigid: 10.005m), Parameters(), false))!.Field,
            Is.EqualTo("monthlyRigidExpenditure"));
    }

    [TestCase("dibao.employmentCost.monthlyDeduction", -0.01)]
    [TestCase("tekun.basic.minMultipleOfDibao", -1.3)]
    public void Override_NegativeValue_IsRejectedNamingTheKey(string key, double value)
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            Parameters().WithOverrides(new Dictionary<string, ParameterValueData> { [key] = ParameterValueData.FromDecimal((decimal)value) }));
        Assert.That(error!.Field, Is.EqualTo(key));
    }

    [Test]
    public void Override_ZeroDeduction_IsAccepted()
    {
        var set = Parameters().WithOverrides(new Dictionary<string, ParameterValueData> { ["dibao.employmentCost.monthlyDeduction"] = ParameterValueData.FromDecimal(0m) });
        Assert.That(set.Get("dibao.employmentCost.monthlyDeduction")!.Value.AsDecimal(), Is.Zero);
    }
}
