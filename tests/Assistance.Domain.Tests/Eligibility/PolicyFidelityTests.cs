namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>
/// The seeds read closer (issue 9): Bengbu's 城区-only values (S3 三(二)1), both expenditure routes in force at once,
/// the rigid-share route skipped when a statistic is unset, and the R-34 continuation of tekun minors in school.
/// Expected amounts are derived from the resolved parameters of the real packs.
/// </summary>
public class PolicyFidelityTests
{
    private static (AssessmentResult Result, ParameterSet Set) AssessIn(
        ResidenceType residence, string region, string date, Func<DateOnly, MemberInput[]> members, decimal rigid = 0m)
    {
        var day = Day(date);
        var set = PolicyData.For(residence, region, day);
        var input = Household(day, region, members(day)) with { Residence = residence, MonthlyRigidExpenditure = rigid };
        return (EligibilityEngine.Assess(input, set, trace: true), set);
    }

    private static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static MemberInput[] Worker(DateOnly day, decimal wage) => [Adult(on: day).WithIncome(IncomeType.Wage, wage) with { HasCapableSupporter = true }];

    // S3 三(二)1: the 60% consumption floor is for 城区 tekun persons; a rural elderly tekun person in Bengbu gets
    // max(published rural standard, 1.3 × rural S), not 0.6 × consumption / 12.
    [Test]
    public void Tekun_BengbuUrbanAndRuralElder2020_OnlyUrbanGetsTheConsumptionFloor()
    {
        var (urban, urbanSet) = AssessIn(ResidenceType.Urban, "340300", "2020-06-01", d => [Elder(on: d)]);
        var (rural, ruralSet) = AssessIn(ResidenceType.Rural, "340300", "2020-06-01", d => [Elder(on: d)]);

        var consumptionFloor = PolicyData.Number(urbanSet, "tekun.basic.minShareOfConsumption") * PolicyData.Number(urbanSet, "stats.consumptionPerCapita.previousYear") / 12;
        Assert.That(urban.Members[0].TekunBasic, Is.EqualTo(Round(consumptionFloor)));
        Assert.That(urban.Members[0].TekunBasic, Is.EqualTo(1110.00m));

        var ruralExpected = Math.Max(
            PolicyData.Number(ruralSet, "tekun.basic.standard"),
            PolicyData.Number(ruralSet, "tekun.basic.minMultipleOfDibao") * PolicyData.Number(ruralSet, "dibao.standard.rural"));
        Assert.That(rural.Outcome, Is.EqualTo(AssessmentOutcome.Tekun));
        Assert.That(rural.Members[0].TekunBasic, Is.EqualTo(Round(ruralExpected)));
        Assert.That(rural.Members[0].TekunBasic, Is.LessThan(urban.Members[0].TekunBasic));
        Assert.That(rural.Entry("R-12").Detail, Does.Contain("skipped (unset): tekun.basic.minShareOfConsumption"));
        Assert.That(
            rural.Entry("R-12").Parameters.Single(p => p.Key == "tekun.basic.standard").Residence,
            Is.EqualTo(ResidenceType.Rural));
    }

    // S3 三(二)1: the 10% care floor is for 城区 too.
    [Test]
    public void TekunCare_BengbuUrbanAndRuralPartialCare_OnlyUrbanGetsTheTenPercentFloor()
    {
        var (urban, urbanSet) = AssessIn(ResidenceType.Urban, "340300", "2020-06-01", d => [Elder(on: d) with { SelfCare = SelfCareLevel.PartialCare }]);
        var (rural, ruralSet) = AssessIn(ResidenceType.Rural, "340300", "2020-06-01", d => [Elder(on: d) with { SelfCare = SelfCareLevel.PartialCare }]);

        var urbanCare = Math.Max(PolicyData.Number(urbanSet, "tekun.care.amount.partialCare"), PolicyData.Number(urbanSet, "tekun.care.minShareOfBasic") * urban.Members[0].TekunBasic!.Value);
        Assert.That(urban.Members[0].TekunCare, Is.EqualTo(Round(urbanCare)));
        Assert.That(urban.Members[0].TekunCare, Is.GreaterThan(PolicyData.Number(urbanSet, "tekun.care.amount.partialCare")));
        Assert.That(rural.Members[0].TekunCare, Is.EqualTo(PolicyData.Number(ruralSet, "tekun.care.amount.partialCare")));
        Assert.That(ruralSet.Get("tekun.care.minShareOfBasic")!.Value.IsNull, Is.True);
    }

    // S3 三(二)1 brings 城区 expenditure-type families into dibao; a rural household in the same city is not.
    [Test]
    public void DibaoInclusion_BengbuUrbanAndRuralHouseholdSameFigures_OnlyUrbanIsIncluded()
    {
        const decimal wage = 1000m;
        const decimal rigid = 500m;
        var (urban, urbanSet) = AssessIn(ResidenceType.Urban, "340300", "2025-06-01", d => Worker(d, wage), rigid);
        var (rural, ruralSet) = AssessIn(ResidenceType.Rural, "340300", "2025-06-01", d => Worker(d, wage), rigid);

        var s = PolicyData.Number(urbanSet, "dibao.standard.urban");
        Assert.That(PolicyData.Number(urbanSet, "expenditure.maxMultipleOfStandard") * s, Is.GreaterThanOrEqualTo(wage));
        Assert.That(urban.Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
        Assert.That(urban.MonthlyAmount, Is.EqualTo(s - (wage - rigid)));

        Assert.That(ruralSet.Get("expenditure.dibaoInclusion.enabled")!.Value.AsBoolean(), Is.False);
        Assert.That(rural.Outcome, Is.Not.EqualTo(AssessmentOutcome.Dibao));
        Assert.That(rural.MonthlyAmount, Is.Zero);
    }

    // Both routes in one region on one date: Bengbu's 2019 inclusion route no longer switches off N-2025.
    [Test]
    public void BothRoutes_BengbuUrban2025_InclusionAndRigidShareAreBothInForce()
    {
        var (included, set) = AssessIn(ResidenceType.Urban, "340300", "2025-06-01", d => Worker(d, 1200m), 500m);
        var s = PolicyData.Number(set, "dibao.standard.urban");
        Assert.That(set.Get("expenditure.dibaoInclusion.enabled")!.Value.AsBoolean(), Is.True);
        Assert.That(set.Get("expenditure.rigidShare.enabled")!.Value.AsBoolean(), Is.True);
        Assert.That(included.Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
        Assert.That(included.MonthlyAmount, Is.EqualTo(s - (1200m - 500m)));

        // Above 1.6 × S (no inclusion) and above the marginal line, but rigid spending is most of the income.
        var wage = PolicyData.Number(set, "expenditure.maxMultipleOfStandard") * s + 100m;
        var rigid = PolicyData.Number(set, "expenditure.minRigidShareOfIncome") * wage + 0.01m;
        var (hardship, _) = AssessIn(ResidenceType.Urban, "340300", "2025-06-01", d => Worker(d, wage), rigid);
        Assert.That(hardship.Outcome, Is.EqualTo(AssessmentOutcome.ExpenditureHardship));
        Assert.That(hardship.Trace.Any(t => t.Name == "expenditure.dibao-inclusion" && !t.Passed), Is.True);
        Assert.That(hardship.Trace.Single(t => t.Name == "expenditure.rigid-share").Passed, Is.True);
    }

    // domain.md §3 step 5: the rigid-share route is skipped, never refused, while the disposable-income statistic is unset.
    [Test]
    public void RigidShare_WhenDisposableIncomeStatisticUnset_IsSkippedNamingItAndNotRefused()
    {
        var parameters = National(
            ("expenditure.rigidShare.enabled", true),
            ("expenditure.minRigidShareOfIncome", 0.5m),
            ("stats.disposableIncomePerCapita.previousYear", null));

        var result = Assess(Household(Adult().WithIncome(IncomeType.Wage, 3 * S) with { HasCapableSupporter = true }) with { MonthlyRigidExpenditure = 3 * S }, parameters);

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
        var entry = result.Trace.Single(t => t.Name == "expenditure.rigid-share");
        Assert.That(entry.Passed, Is.False);
        Assert.That(entry.Detail, Does.Contain("not evaluated: stats.disposableIncomePerCapita.previousYear unset"));
    }

    [Test]
    public void RigidShare_WhenAssetsFailAndStatisticUnset_IsNotEligibleInsteadOfAnError()
    {
        var parameters = National(
            ("expenditure.rigidShare.enabled", true),
            ("expenditure.minRigidShareOfIncome", 0.5m),
            ("stats.disposableIncomePerCapita.previousYear", null));
        var input = Household(Adult() with { HasCapableSupporter = true }) with { Assets = new HouseholdAssets(0m, 1), MonthlyRigidExpenditure = 100m };

        var result = Assess(input, parameters);

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
        Assert.That(result.Trace.Single(t => t.Name == "expenditure.rigid-share").Detail, Does.Contain("stats.disposableIncomePerCapita.previousYear"));
    }

    [Test]
    public void RigidShare_WhenBothShareAndStatisticUnset_TraceNamesBoth()
    {
        var parameters = National(
            ("expenditure.rigidShare.enabled", true),
            ("expenditure.minRigidShareOfIncome", null),
            ("stats.disposableIncomePerCapita.previousYear", null));

        var result = Assess(Household(Adult().WithIncome(IncomeType.Wage, 3 * S) with { HasCapableSupporter = true }), parameters);

        Assert.That(result.Trace.Single(t => t.Name == "expenditure.rigid-share").Detail,
            Does.Contain("expenditure.minRigidShareOfIncome and stats.disposableIncomePerCapita.previousYear unset"));
    }

    // a share floor whose statistic is unset is skipped and the trace says the statistic is what is missing.
    [Test]
    public void TekunBasic_WhenConsumptionStatisticUnset_FloorSkippedNamingTheStatistic()
    {
        var parameters = National(("tekun.basic.minShareOfConsumption", 0.6m), ("stats.consumptionPerCapita.previousYear", null));

        var result = Assess(Household(Elder()), parameters);

        Assert.That(result.Entry("R-12").Detail, Does.Contain("tekun.basic.minShareOfConsumption (statistic stats.consumptionPerCapita.previousYear unset)"));
    }

    // R-34; N-43: the continuation trio. On D (2023-06-01) the national minor age limit is 18.
    private static MemberInput EighteenYearOld(bool inSchool, DateOnly? tekunSince) => new()
    {
        BirthDate = BornAged(18, D),
        LaborCapacity = LaborCapacity.Full,
        InSchool = inSchool,
        TekunSince = tekunSince,
    };

    [Test]
    public void Continuation_WhenEnrolledAsMinorAndStillInSchool_StaysTekunAfterTheLimit()
    {
        var result = Assess(Household(EighteenYearOld(inSchool: true, tekunSince: BornAged(18, D).AddYears(15))), National());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Tekun));
        var entry = result.Entry("R-34");
        Assert.That(entry.Passed, Is.True);
        Assert.That(entry.Parameters.Select(p => p.Key), Does.Contain("tekun.continueInSchoolAfterMinorAge"));
        Assert.That(result.Entry("R-11").Detail, Does.Contain("continuing minor (R-34): yes"));
    }

    [Test]
    public void Continuation_WhenFirstApplicationAfterTheLimit_IsNotTekun()
    {
        var noEnrolment = Assess(Household(EighteenYearOld(inSchool: true, tekunSince: null)), National());
        var enrolledAtEighteen = Assess(Household(EighteenYearOld(inSchool: true, tekunSince: D)), National());

        Assert.That(noEnrolment.Outcome, Is.Not.EqualTo(AssessmentOutcome.Tekun));
        Assert.That(noEnrolment.Trace.Any(t => t.Rule == "R-34"), Is.False);
        Assert.That(enrolledAtEighteen.Outcome, Is.Not.EqualTo(AssessmentOutcome.Tekun));
        Assert.That(enrolledAtEighteen.Entry("R-34").Passed, Is.False);
    }

    [Test]
    public void Continuation_WhenEnrolledAsMinorButLeftSchool_IsNotTekun()
    {
        var result = Assess(Household(EighteenYearOld(inSchool: false, tekunSince: BornAged(18, D).AddYears(15))), National());

        Assert.That(result.Outcome, Is.Not.EqualTo(AssessmentOutcome.Tekun));
        Assert.That(result.Entry("R-34").Detail, Does.Contain("in school no"));
    }

    [Test]
    public void Continuation_WhenRegionSwitchesItOff_IsNotTekun()
    {
        var result = Assess(
            Household(EighteenYearOld(inSchool: true, tekunSince: BornAged(18, D).AddYears(15))),
            National(("tekun.continueInSchoolAfterMinorAge", false)));

        Assert.That(result.Outcome, Is.Not.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void Continuation_WhenEnrolledOneDayBeforeTheLimitBirthday_Continues_AndOnTheBirthdayDoesNot()
    {
        var birth = BornAged(18, D);
        var dayBefore = Assess(Household(EighteenYearOld(true, birth.AddYears(18).AddDays(-1))), National());
        var onBirthday = Assess(Household(EighteenYearOld(true, birth.AddYears(18))), National());

        Assert.That(dayBefore.Outcome, Is.EqualTo(AssessmentOutcome.Tekun));
        Assert.That(onBirthday.Outcome, Is.Not.EqualTo(AssessmentOutcome.Tekun));
    }

    [Test]
    public void Validate_WhenTekunSinceAfterAsOfOrBeforeBirth_NamesTheField()
    {
        var after = Assert.Throws<Common.DomainValidationException>(() => Assess(Household(EighteenYearOld(true, D.AddDays(1))), National()));
        var beforeBirth = Assert.Throws<Common.DomainValidationException>(() => Assess(Household(EighteenYearOld(true, BornAged(18, D).AddDays(-1))), National()));

        Assert.That(after!.Field, Is.EqualTo("members[0].tekunSince"));
        Assert.That(beforeBirth!.Field, Is.EqualTo("members[0].tekunSince"));
    }
}
