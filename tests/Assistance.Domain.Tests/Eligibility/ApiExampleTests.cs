namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using Assistance.Domain.Tests.Support;

/// <summary>The worked example of api.md (POST /api/v1/assessments), against the real policy packs.</summary>
public class ApiExampleTests
{
    private static readonly DateOnly AsOf = new(2022, 10, 1);

    private static AssessmentInput ExampleInput() => new()
    {
        Region = RegionCode.Parse("320682"),
        AsOf = AsOf,
        Residence = ResidenceType.Urban,
        Members =
        [
            new MemberInput
            {
                IdNumber = "320682195001010011",
                BirthDate = new DateOnly(1950, 1, 1),
                Status = MemberStatus.Present,
                LaborCapacity = LaborCapacity.None,
                Disability = new Disability(DisabilityCategory.Physical, 2),
                SelfCare = SelfCareLevel.PartialCare,
                Incomes = [new IncomeItem(IncomeType.ResidentBasicPension, 150.00m, false)],
            },
        ],
        Assets = new HouseholdAssets(5000.00m, 0),
        MonthlyRigidExpenditure = 0.00m,
    };

    private static AssessmentResult AssessExample() =>
        EligibilityEngine.Assess(
            ExampleInput(),
            PolicyData.For("320682", AsOf, ("dibao.standard.urban", 900.00m), ("tekun.care.amount.partialCare", 130.00m)),
            trace: true);

    [Test]
    public void Assess_WhenApiExample_IsTekunWith1300()
    {
        var result = AssessExample();

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Tekun));
        Assert.That(result.MonthlyAmount, Is.EqualTo(1300.00m));
        Assert.That(result.DibaoClass, Is.Null);
        Assert.That(result.Stability, Is.Null);
        Assert.That(result.ReviewIntervalMonths, Is.EqualTo(12));
        Assert.That(result.Members, Has.Count.EqualTo(1));
        var member = result.Members[0];
        Assert.That(member.Outcome, Is.EqualTo(AssessmentOutcome.Tekun));
        Assert.That(member.MonthlyAmount, Is.EqualTo(1300.00m));
        Assert.That(member.Counted, Is.True);
        Assert.That(member.TekunBasic, Is.EqualTo(1170.00m));
        Assert.That(member.TekunCare, Is.EqualTo(130.00m));
    }

    [Test]
    public void Assess_WhenApiExample_TraceShowsBasicStandardFromTheOverriddenStandard()
    {
        var entry = AssessExample().Entry("R-12");

        Assert.That(entry.Name, Is.EqualTo("tekun.basic-standard"));
        Assert.That(entry.Source, Is.EqualTo("S1 一.1; S3 三(二)1"));
        Assert.That(entry.Detail, Does.Contain("1.3 × 900.00"));
        var standard = entry.Parameters.First(p => p.Key == "dibao.standard.urban");
        Assert.That(standard.RegionCode, Is.EqualTo("override"));
        Assert.That(standard.EffectiveFrom, Is.Null);
        Assert.That(standard.Source, Is.EqualTo("parameterOverrides"));
    }

    [Test]
    public void Assess_WhenApiExampleWithoutOverrides_UsesThe320682DemoStandardOf900()
    {
        var parameters = PolicyData.For("320682", AsOf);
        Assert.That(PolicyData.Number(parameters, "dibao.standard.urban"), Is.EqualTo(900.00m));

        var result = EligibilityEngine.Assess(ExampleInput(), parameters, trace: false);

        Assert.That(result.Members[0].TekunBasic, Is.EqualTo(1170.00m));
        Assert.That(result.Trace, Is.Empty);
    }
}
