namespace Assistance.Domain.Tests.Payments;

using Assistance.Domain.Enrolments;
using Assistance.Domain.Payments;

public sealed class PriceSubsidyRuleTests
{
    [Test]
    public void Amount_IsTheStandardTimesTheIndex_RoundedUpToTheYuan()
    {
        // 1001 × 3.6 % = 36.036 → 37; 1000 × 3.5 % = 35 exactly stays 35.
        var decision = PriceSubsidyRule.Decide(3.6m, 1.0m, 3.5m, 6.0m, 1001m, 1000m);
        Assert.That(decision.Triggered, Is.True);
        Assert.That(decision.UrbanPerPerson, Is.EqualTo(37m));
        Assert.That(decision.RuralPerPerson, Is.EqualTo(36m));
        Assert.That(PriceSubsidyRule.PerPerson(1000m, 3.5m), Is.EqualTo(35m));
        Assert.That(PriceSubsidyRule.PerPerson(950m, 3.01m), Is.EqualTo(29m), "28.595 rounds up, never to the nearest");
    }

    [Test]
    public void HigherTriggeredIndex_Applies_AnIndexBelowItsTriggerDoesNot()
    {
        var food = PriceSubsidyRule.Decide(3.6m, 7.1m, 3.5m, 6.0m, 1000m, 1000m);
        Assert.That((food.AppliedIndex, food.AppliedPercent, food.UrbanPerPerson), Is.EqualTo((PriceIndexKind.FoodCpi, 7.1m, 71m)));

        // Food CPI 5.0 is higher than CPI 4.0 but below its own trigger of 6.0: CPI applies.
        var cpi = PriceSubsidyRule.Decide(4.0m, 5.0m, 3.5m, 6.0m, 1000m, 1000m);
        Assert.That((cpi.AppliedIndex, cpi.AppliedPercent, cpi.UrbanPerPerson), Is.EqualTo((PriceIndexKind.Cpi, 4.0m, 40m)));

        var none = PriceSubsidyRule.Decide(3.4m, 5.9m, 3.5m, 6.0m, 1000m, 1000m);
        Assert.That((none.Triggered, none.UrbanPerPerson), Is.EqualTo((false, (decimal?)null)));
        Assert.That(none.Detail, Does.StartWith("R-41"));
    }

    [Test]
    public void TriggerIsInclusive()
    {
        Assert.That(PriceSubsidyRule.Decide(3.0m, 0m, 3.0m, 6.0m, 900m, 900m).UrbanPerPerson, Is.EqualTo(27m));
        Assert.That(PriceSubsidyRule.Decide(0m, 6.0m, 3.5m, 6.0m, 900m, 900m).UrbanPerPerson, Is.EqualTo(54m));
    }
}

public sealed class PaidMonthsTests
{
    private static readonly DateOnly April = new(2026, 4, 1);

    [TestCase(EnrolmentStatus.Active, null, "2026-04-01", true)]
    [TestCase(EnrolmentStatus.Active, null, "2026-03-01", false)]
    [TestCase(EnrolmentStatus.GradualExit, null, "2026-06-01", true)]
    [TestCase(EnrolmentStatus.Suspended, null, "2026-06-01", false)]
    [TestCase(EnrolmentStatus.Ended, "2026-05-31", "2026-05-01", true)]
    [TestCase(EnrolmentStatus.Ended, "2026-05-01", "2026-05-01", true)]
    [TestCase(EnrolmentStatus.Ended, "2026-04-30", "2026-05-01", false)]
    public void PaysFromTheStartMonthThroughTheEndMonth(EnrolmentStatus status, string? endedOn, string month, bool pays) =>
        Assert.That(PaidMonths.Pays(April, status, endedOn is null ? null : DateOnly.Parse(endedOn, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(month, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(pays));
}
