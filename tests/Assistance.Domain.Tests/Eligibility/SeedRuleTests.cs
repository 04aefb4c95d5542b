namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>
/// Each seed rule in the seed region and date where it applies, and the same case where it does not, using
/// the real policy packs. Expected amounts are derived from the resolved parameters, never copied from output.
/// </summary>
public class SeedRuleTests
{
    private static (AssessmentResult Result, ParameterSet Set) AssessIn(string region, string date, Func<DateOnly, MemberInput[]> members, decimal rigid = 0m)
    {
        var day = Day(date);
        var set = PolicyData.For(region, day);
        var input = Household(day, region, members(day)) with { MonthlyRigidExpenditure = rigid };
        return (EligibilityEngine.Assess(input, set, trace: true), set);
    }

    private static MemberInput Orphan17(DateOnly day) => new() { BirthDate = day.AddYears(-17), LaborCapacity = LaborCapacity.Full };

    // R-11 minors: Bengbu (S3 三(一)) keeps "under 16" from 2019-11-12 until 2021-07-01.
    [Test]
    public void R11_WhenSeventeenInBengbuOn20200601_IsNotTekunUnderS3LimitOf16()
    {
        var (result, _) = AssessIn("340300", "2020-06-01", d => [Orphan17(d)]);

        Assert.That(result.Members[0].Outcome, Is.Not.EqualTo(AssessmentOutcome.Tekun));
        Assert.That(result.Entry("R-11").Parameters.Single(p => p.Key == "tekun.minorAgeLimit").Source, Does.StartWith("S3"));
    }

    [Test]
    public void R11_WhenSeventeenInBengbuOn20220601_IsTekunUnderNationalLimitOf18()
    {
        var (result, _) = AssessIn("340300", "2022-06-01", d => [Orphan17(d)]);

        Assert.That(result.Members[0].Outcome, Is.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void R11_WhenSeventeenInShaanxiOn20210501_IsTekunUnderS2LimitOf18()
    {
        var (result, _) = AssessIn("610000", "2021-05-01", d => [Orphan17(d)]);

        Assert.That(result.Members[0].Outcome, Is.EqualTo(AssessmentOutcome.Tekun));
        Assert.That(result.Entry("R-11").Parameters.Single(p => p.Key == "tekun.minorAgeLimit").Source, Is.EqualTo("S2 二(四)"));
    }

    [Test]
    public void R11_WhenSeventeenInHeilongjiangOn20210501_IsNotTekunUnderNationalLimitOf16()
    {
        var (result, _) = AssessIn("230000", "2021-05-01", d => [Orphan17(d)]);

        Assert.That(result.Members[0].Outcome, Is.Not.EqualTo(AssessmentOutcome.Tekun));
    }

    // R-17 single-person dibao: Changzhou enabled it from 2020-03-16 (S1 一.3); nationally only from 2021-07-01.
    private static MemberInput[] MarginalFamilyWithSevereMember(DateOnly day, decimal standard) =>
    [
        Adult(on: day).WithIncome(IncomeType.Wage, standard * 2.4m) with { HasCapableSupporter = true },
        Adult(on: day) with { SeriousIllness = true, LaborCapacity = LaborCapacity.Partial, HasCapableSupporter = true },
    ];

    [Test]
    public void R17_WhenChangzhouOn20200601_SevereMemberOfMarginalFamilyIsEnrolledAlone()
    {
        var standard = PolicyData.Number(PolicyData.For("320400", Day("2020-06-01")), "dibao.standard.urban");

        var (result, _) = AssessIn("320400", "2020-06-01", d => MarginalFamilyWithSevereMember(d, standard));

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.DibaoSinglePerson));
        Assert.That(result.Members[1].MonthlyAmount, Is.EqualTo(standard));
        Assert.That(result.Entry("R-17").Parameters.Single(p => p.Key == "dibao.singlePerson.enabled").Source, Is.EqualTo("S1 一.3"));
    }

    [Test]
    public void R17_WhenHeilongjiangOn20200601_NationalRuleNotYetInForce()
    {
        var standard = PolicyData.Number(PolicyData.For("230000", Day("2020-06-01")), "dibao.standard.urban");

        var (result, _) = AssessIn("230000", "2020-06-01", d => MarginalFamilyWithSevereMember(d, standard));

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.DibaoMarginal));
    }

    [Test]
    public void R17_WhenHeilongjiangOn20210701_NationalRuleApplies()
    {
        var standard = PolicyData.Number(PolicyData.For("230000", Day("2021-07-01")), "dibao.standard.urban");

        var (result, _) = AssessIn("230000", "2021-07-01", d => MarginalFamilyWithSevereMember(d, standard));

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.DibaoSinglePerson));
    }

    // R-16 expenditure routes: Bengbu includes in dibao up to 1.6 × S (S3 三(二)1); elsewhere no such route.
    private static MemberInput[] Worker(DateOnly day, decimal income) => [Adult(on: day).WithIncome(IncomeType.Wage, income) with { HasCapableSupporter = true }];

    [TestCase("2020-06-01")]
    [TestCase("2025-06-01")]
    public void R16_WhenBengbuIncomeWithin16TimesStandardAndRigidSpending_IsDibaoByInclusion(string date)
    {
        var set = PolicyData.For("340300", Day(date));
        var standard = PolicyData.Number(set, "dibao.standard.urban");
        var multiple = PolicyData.Number(set, "expenditure.maxMultipleOfStandard");
        var income = multiple * standard;
        var rigid = (multiple - 1m) * standard + 50m;

        var (result, _) = AssessIn("340300", date, d => Worker(d, income), rigid);

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
        Assert.That(result.MonthlyAmount, Is.EqualTo(standard - (income - rigid)));
    }

    [Test]
    public void R16_WhenHeilongjiangOn20220601SameCase_IsNotEligible()
    {
        var standard = PolicyData.Number(PolicyData.For("230000", Day("2022-06-01")), "dibao.standard.urban");

        var (result, _) = AssessIn("230000", "2022-06-01", d => Worker(d, 1.6m * standard), 0.6m * standard + 50m);

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
    }

    [Test]
    public void R16_WhenRugaoOn20250601HighRigidShare_IsExpenditureHardshipUnderN2025()
    {
        var set = PolicyData.For("320682", Day("2025-06-01"));
        var standard = PolicyData.Number(set, "dibao.standard.urban");
        var income = 1.55m * standard;
        var rigid = PolicyData.Number(set, "expenditure.minRigidShareOfIncome") * income + 0.01m;

        var (result, _) = AssessIn("320682", "2025-06-01", d => Worker(d, income), rigid);

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.ExpenditureHardship));
    }

    [Test]
    public void R16_WhenRugaoOn20240601SameCase_IsNotEligibleBeforeN2025()
    {
        var set = PolicyData.For("320682", Day("2024-06-01"));
        var standard = PolicyData.Number(set, "dibao.standard.urban");

        var (result, _) = AssessIn("320682", "2024-06-01", d => Worker(d, 1.55m * standard), standard);

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
    }

    // ResidentBasicPension is not counted for dibao from 2021-07-01 until 2026-01-01 (N-57 Art.13).
    [TestCase("2021-06-30", true)]
    [TestCase("2021-07-01", false)]
    [TestCase("2025-12-31", false)]
    [TestCase("2026-01-01", true)]
    public void R10_WhenResidentBasicPensionInHeilongjiang_IsCountedOnlyOutsideTheExclusionWindow(string date, bool counted)
    {
        const decimal pension = 100m;
        var standard = PolicyData.Number(PolicyData.For("230000", Day(date)), "dibao.standard.urban");

        var (result, _) = AssessIn("230000", date, d => [(Adult(on: d) with { HasCapableSupporter = true }).WithIncome(IncomeType.ResidentBasicPension, pension)]);

        Assert.That(result.MonthlyAmount, Is.EqualTo(counted ? standard - pension : standard));
    }

    // Bengbu's consumption floor (S3 三(二)1) and Changzhou's disposable-income floor (S1 一.1).
    [TestCase("340300", "2022-06-01", "stats.consumptionPerCapita.previousYear", "tekun.basic.minShareOfConsumption")]
    [TestCase("320400", "2021-06-01", "stats.disposableIncomePerCapita.previousYear", "tekun.basic.minShareOfDisposableIncome")]
    public void R12_WhenSeedRegionSetsAShareFloor_BasicIsAtLeastTheShareOfTheStatistic(string region, string date, string statistic, string share)
    {
        var set = PolicyData.For(region, Day(date));
        var floor = PolicyData.Number(set, share) * PolicyData.Number(set, statistic) / 12;
        var expected = decimal.Round(
            new[] { floor, PolicyData.Number(set, "tekun.basic.minMultipleOfDibao") * PolicyData.Number(set, "dibao.standard.urban"), PolicyData.Number(set, "tekun.basic.standard") }.Max(),
            2,
            MidpointRounding.AwayFromZero);

        var (result, _) = AssessIn(region, date, d => [Elder(on: d)]);

        Assert.That(result.Members[0].TekunBasic, Is.EqualTo(expected));
        Assert.That(result.Members[0].TekunBasic, Is.GreaterThanOrEqualTo(floor - 0.005m));
    }

    [Test]
    public void R12_WhenHeilongjiangSetsNoShareFloor_TraceSaysTheShareFloorsWereSkipped()
    {
        var (result, _) = AssessIn("230000", "2022-06-01", d => [Elder(on: d)]);

        Assert.That(result.Entry("R-12").Detail, Does.Contain("minShareOfConsumption").And.Contain("minShareOfDisposableIncome"));
    }

    // Bengbu's care floor of 10% of the basic standard (S3 三(二)1).
    [Test]
    public void R13_WhenBengbuPartialCare_CareIsAtLeastTenPercentOfBasic()
    {
        var (result, set) = AssessIn("340300", "2022-06-01", d => [Elder(on: d) with { SelfCare = SelfCareLevel.PartialCare }]);

        var member = result.Members[0];
        var expected = Math.Max(PolicyData.Number(set, "tekun.care.amount.partialCare"), PolicyData.Number(set, "tekun.care.minShareOfBasic") * member.TekunBasic!.Value);
        Assert.That(member.TekunCare, Is.EqualTo(decimal.Round(expected, 2, MidpointRounding.AwayFromZero)));
    }

    [Test]
    public void R13_WhenHeilongjiangPartialCare_CareIsTheLevelAmountWithoutFloor()
    {
        var (result, set) = AssessIn("230000", "2022-06-01", d => [Elder(on: d) with { SelfCare = SelfCareLevel.PartialCare }]);

        Assert.That(result.Members[0].TekunCare, Is.EqualTo(PolicyData.Number(set, "tekun.care.amount.partialCare")));
    }

    // Shaanxi class C (unstable) is reviewed half-yearly, A/B yearly (S2 二(四)).
    [Test]
    public void R15_WhenShaanxiAbleBodiedWorkerOnDibao_IsClassCReviewedEverySixMonths()
    {
        var (result, set) = AssessIn("610000", "2022-06-01", d => Worker(d, 0m));

        Assert.That(result.DibaoClass, Is.EqualTo(DibaoClass.C));
        Assert.That(result.ReviewIntervalMonths, Is.EqualTo(set.Get("review.intervalMonths.dibaoUnstable")!.Value.AsInteger()));
    }
}
