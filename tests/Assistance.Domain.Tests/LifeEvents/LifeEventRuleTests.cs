namespace Assistance.Domain.Tests.LifeEvents;

using Assistance.Domain.Common;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Households;
using Assistance.Domain.LifeEvents;
using Assistance.Domain.Overpayments;

/// <summary>R-33 … R-35 rules as pure functions.</summary>
public sealed class LifeEventRuleTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void Overpayment_CoversOnlyPaidMonthsAfterTheEventMonth_NetOfEarlierClaims()
    {
        var paid = new[] { (D("2026-02-01"), 900m), (D("2026-03-01"), 900m), (D("2026-04-01"), 900m), (D("2026-05-01"), 900m), (D("2026-06-01"), 900m) };
        var claimed = new Dictionary<DateOnly, decimal> { [D("2026-05-01")] = 300m };
        var months = PaymentsAfterTheEventMonthAreRecovered.Months(paid, claimed, D("2026-03-01"), _ => 600m);
        Assert.That(months.Select(m => (m.Month, m.Amount)), Is.EqualTo(new[] { (D("2026-04-01"), 300m), (D("2026-06-01"), 300m) }));
    }

    [Test]
    public void Overpayment_WithoutOverpaidMonths_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(() => Overpayment.Raise(
            Guid.NewGuid(), Assistance.Domain.Regions.RegionCode.Parse("320682"), Guid.NewGuid(), Guid.NewGuid(), null, "x", null, [], "r", D("2026-06-01")));
        Assert.That(ex!.Code, Is.EqualTo("overpayment.no-months"));
    }

    [TestCase(true, 3, 3, false)]
    [TestCase(false, 2, 3, false)]
    [TestCase(false, 3, 3, true)]
    [TestCase(false, 4, 3, false)]
    public void WorkRefusal_CutsOnlyOnTheRefusalThatReachesTheLimit(bool justified, int consecutive, int limit, bool cuts) =>
        Assert.That(WorkRefusalCutsTheMembersShare.Cuts(justified, consecutive, limit), Is.EqualTo(cuts));

    [Test]
    public void WorkRefusal_Share_IsTheAmountPerCountedPerson_RoundedToTheFen() =>
        Assert.That((WorkRefusalCutsTheMembersShare.Share(1000m, 3), WorkRefusalCutsTheMembersShare.Share(850m, 1)), Is.EqualTo((333.33m, 850m)));

    [TestCase("2026-08-14", false, false, false, TestName = "TekunMinor_BeforeTheBirthday_Continues")]
    [TestCase("2026-08-15", false, false, true, TestName = "TekunMinor_OnTheBirthday_NotInSchool_Ends")]
    [TestCase("2026-08-15", true, false, false, TestName = "TekunMinor_OnTheBirthday_InSchool_Continues")]
    [TestCase("2026-08-15", false, true, false, TestName = "TekunMinor_WithQualifyingDisability_Continues")]
    public void TekunMinor_AtTheLimit(string asOf, bool inSchool, bool disabled, bool ends)
    {
        var rule = new TekunMinorSupportEndsAtTheMinorAgeLimit(
            D("2008-08-15"), D("2026-01-13"), D(asOf), 18, continueInSchool: true, inSchool, disabled ? new Disability(DisabilityCategory.Intellectual, 2) : null);
        Assert.That(rule.IsBroken(), Is.EqualTo(ends));
    }

    [Test]
    public void TekunMinor_FirstEnrolledAfterTheLimit_IsNotThisRule() =>
        Assert.That(new TekunMinorSupportEndsAtTheMinorAgeLimit(D("2000-01-01"), D("2026-01-13"), D("2026-08-15"), 18, true, false, null).IsBroken(), Is.False);

    [Test]
    public void DeathAndImprisonment_StopCounting_OtherEventsDoNot() =>
        Assert.That(Enum.GetValues<LifeEventType>().Select(DeathOrImprisonmentStopsCounting.StatusAfter).Where(s => s is not null),
            Is.EqualTo(new MemberStatus?[] { MemberStatus.Deceased, MemberStatus.Imprisoned }));

    [Test]
    public void EnrolmentEnds_OnlyWhenNobodyCoveredIsCounted()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Assert.Multiple(() =>
        {
            Assert.That(EnrolmentEndsWhenNobodyCoveredIsCounted.Ends([a, b], id => id == b), Is.False);
            Assert.That(EnrolmentEndsWhenNobodyCoveredIsCounted.Ends([a], _ => false), Is.True);
            Assert.That(EnrolmentEndsWhenNobodyCoveredIsCounted.EffectiveMonth(D("2026-03-31")), Is.EqualTo(D("2026-04-01")));
        });
    }

    [Test]
    public void LifeEvent_InTheFuture_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(() => LifeEvent.Receive(
            Guid.NewGuid(), Assistance.Domain.Regions.RegionCode.Parse("320682"), "公安局", "E1", LifeEventType.Death, "x", D("2026-06-02"), D("2026-06-01"), null, null, null, null));
        Assert.That(ex!.Code, Is.EqualTo("life-event.in-the-future"));
    }
}
