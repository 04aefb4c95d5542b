namespace Assistance.Api.Tests.LifeEvents;

using Assistance.Application.Overpayments;

/// <summary>The paid-months derivation used until payment rolls exist (pure; docs/rules.md R-33).</summary>
public sealed class DerivedPaidMonthsTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void MonthsArePaid_FromTheStartMonth_ThroughTheCurrentMonth()
    {
        var paid = DerivedPaidMonths.Derive(D("2026-02-01"), null, 500m, [], D("2026-06-10"));
        Assert.That(paid.Select(p => (p.Month, p.Amount)), Is.EqualTo(new[]
        {
            (D("2026-02-01"), 500m), (D("2026-03-01"), 500m), (D("2026-04-01"), 500m), (D("2026-05-01"), 500m), (D("2026-06-01"), 500m),
        }));
    }

    [Test]
    public void AChange_CountsFromTheFirstMonthThatBeganAfterItWasRecorded_AndNotBeforeItsEffectiveMonth()
    {
        // Recorded 03-20 effective 03 (retroactive): March was already paid at 500, April on at 400.
        // Recorded 04-10 effective 06: May still at 400, June at 450.
        AmountChange[] changes = [new(D("2026-03-20"), D("2026-03-01"), 500m, 400m), new(D("2026-04-10"), D("2026-06-01"), 400m, 450m)];
        var paid = DerivedPaidMonths.Derive(D("2026-02-01"), null, 450m, changes, D("2026-06-01"));
        Assert.That(paid.Select(p => p.Amount), Is.EqualTo(new[] { 500m, 500m, 400m, 400m, 450m }));
    }

    [Test]
    public void NothingIsPaid_ForMonthsBeginningAfterTheEnd() =>
        Assert.That(DerivedPaidMonths.Derive(D("2026-02-01"), D("2026-03-15"), 500m, [], D("2026-06-10")).Select(p => p.Month),
            Is.EqualTo(new[] { D("2026-02-01"), D("2026-03-01") }));
}
