namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using static Assistance.Domain.Tests.Support.TestHouseholds;

/// <summary>R-16: expenditure routes — DibaoInclusion (S3 三(二)1) and RigidShare (N-2025).</summary>
public class ExpenditureRouteTests
{
    private const decimal InclusionMultiple = 1.6m;
    private const decimal MinRigidShare = 0.5m;
    private const decimal Disposable = 36000m;

    private static ParameterSet Inclusion() => National(
        ("expenditure.dibaoInclusion.enabled", true), ("expenditure.rigidShare.enabled", false), ("expenditure.maxMultipleOfStandard", InclusionMultiple));

    private static ParameterSet RigidShare(decimal? minShare = MinRigidShare) => National(
        ("expenditure.dibaoInclusion.enabled", false),
        ("expenditure.rigidShare.enabled", true),
        ("expenditure.minRigidShareOfIncome", minShare),
        ("stats.disposableIncomePerCapita.previousYear", Disposable));

    private static AssessmentInput Worker(decimal wage, decimal rigid) =>
        Household(Adult().WithIncome(IncomeType.Wage, wage)) with { MonthlyRigidExpenditure = rigid };

    [Test]
    public void Assess_WhenIncomeExactlyAtInclusionCeilingAndRigidPullsOneCentBelowS_IsDibaoByInclusion()
    {
        var income = InclusionMultiple * S;
        var rigid = income - S + 0.01m;

        var result = Assess(Worker(income, rigid), Inclusion());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
        Assert.That(result.MonthlyAmount, Is.EqualTo(0.01m));
        Assert.That(result.Stability, Is.Not.Null);
        Assert.That(result.Entry("R-16").Parameters.Select(p => p.Key), Does.Contain("expenditure.dibaoInclusion.enabled"));
    }

    [Test]
    public void Assess_WhenIncomeOneCentAboveInclusionCeiling_IsNotIncluded()
    {
        var income = (InclusionMultiple * S) + 0.01m;

        var result = Assess(Worker(income, income), Inclusion());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
    }

    [Test]
    public void Assess_WhenIncomeLessRigidEqualsStandard_IsNotIncluded()
    {
        var income = InclusionMultiple * S;

        var result = Assess(Worker(income, income - S), Inclusion());

        Assert.That(result.Outcome, Is.Not.EqualTo(AssessmentOutcome.Dibao));
    }

    [Test]
    public void Assess_WhenRigidSpendingExceedsIncome_InclusionAmountIsCappedAtStandardTimesN()
    {
        var result = Assess(Worker(S, S * 3), Inclusion());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.Dibao));
        Assert.That(result.MonthlyAmount, Is.EqualTo(S));
    }

    [Test]
    public void Assess_WhenBothRoutesOff_HighRigidSpendingChangesNothing()
    {
        var result = Assess(Worker(InclusionMultiple * S, S * 3), National(("expenditure.dibaoInclusion.enabled", false), ("expenditure.rigidShare.enabled", false)));

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
    }

    [Test]
    public void Assess_WhenRigidShareOneCentAboveMinimum_IsExpenditureHardship()
    {
        const decimal income = 2000m;

        var result = Assess(Worker(income, (MinRigidShare * income) + 0.01m), RigidShare());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.ExpenditureHardship));
        Assert.That(result.MonthlyAmount, Is.Zero);
        Assert.That(result.ReviewIntervalMonths, Is.Null);
    }

    [Test]
    public void Assess_WhenRigidShareExactlyAtMinimum_IsNotEligible()
    {
        const decimal income = 2000m;

        var result = Assess(Worker(income, MinRigidShare * income), RigidShare());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
    }

    [Test]
    public void Assess_WhenPerCapitaIncomeOneCentBelowDisposableTwelfth_IsExpenditureHardship()
    {
        var income = (Disposable / 12) - 0.01m;

        Assert.That(Assess(Worker(income, income), RigidShare()).Outcome, Is.EqualTo(AssessmentOutcome.ExpenditureHardship));
    }

    [Test]
    public void Assess_WhenPerCapitaIncomeEqualsDisposableTwelfth_IsNotEligible()
    {
        var income = Disposable / 12;

        Assert.That(Assess(Worker(income, income), RigidShare()).Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
    }

    [Test]
    public void Assess_WhenCountedIncomeIsZeroAndRigidPositive_ShareIsInfinite()
    {
        // With S = 0 a zero-income household is neither dibao nor marginal, so the rigid-share test is reached.
        var parameters = RigidShare().WithOverrides(new Dictionary<string, ParameterValueData>
        {
            ["dibao.standard.urban"] = ParameterValueData.FromDecimal(0m),
        });

        var result = Assess(Worker(0m, 0.01m), parameters);

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.ExpenditureHardship));
        Assert.That(result.Trace.Last(t => t.Rule == "R-16").Detail, Does.Contain("∞"));
    }

    [Test]
    public void Assess_WhenMinimumRigidShareUnset_RouteIsNotEvaluatedAndTraceSaysSo()
    {
        const decimal income = 2000m;

        var result = Assess(Worker(income, income), RigidShare(minShare: null));

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.NotEligible));
        Assert.That(result.Trace.Last(t => t.Rule == "R-16").Detail, Does.Contain("not evaluated"));
    }

    [Test]
    public void Assess_WhenMarginal_RigidShareIsNotEvaluated()
    {
        var result = Assess(Worker(S, S), RigidShare());

        Assert.That(result.Outcome, Is.EqualTo(AssessmentOutcome.DibaoMarginal));
        Assert.That(result.Trace.Any(t => t.Name == "expenditure.rigid-share"), Is.False);
    }
}
