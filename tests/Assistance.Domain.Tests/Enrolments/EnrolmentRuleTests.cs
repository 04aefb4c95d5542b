namespace Assistance.Domain.Tests.Enrolments;

using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Regions;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

public sealed class EnrolmentRuleTests
{
    private const string PersonId = "320682195001010011";
    private static readonly Guid Household = Guid.NewGuid();

    private static Enrolment Create(
        Programme programme = Programme.Dibao, string approvedOn = "2025-03-14", CareSetting? care = null, int? review = 12,
        IReadOnlyList<ExistingEnrolment>? existing = null, Guid? household = null) =>
        Enrolment.CreateOnApproval(Guid.NewGuid(), RegionCode.Parse("320682"), Guid.NewGuid(), programme, household ?? Household,
            programme == Programme.Tekun ? new CoveredPerson(Guid.NewGuid(), PersonId) : null,
            [new CoveredPerson(Guid.NewGuid(), PersonId)], 850.00m, null, review, care, D(approvedOn), existing ?? []);

    private static void AssertRule(TestDelegate action, string code)
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(action);
        Assert.That(ex!.Code, Is.EqualTo(code), ex.Message);
        Assert.That(ex.RuleId, Does.StartWith("R-2"));
    }

    [TestCase("2025-03-14", "2025-04-01", TestName = "StartMonth_IsTheMonthAfterApproval")]
    [TestCase("2025-03-31", "2025-04-01", TestName = "StartMonth_WhenApprovedOnLastDayOfMonth_IsNextMonth")]
    [TestCase("2025-12-01", "2026-01-01", TestName = "StartMonth_WhenApprovedInDecember_IsJanuaryNextYear")]
    public void StartMonth_FollowsApproval(string approvedOn, string startMonth) =>
        Assert.That(Create(approvedOn: approvedOn).StartMonth, Is.EqualTo(D(startMonth)));

    [Test]
    public void NextReview_IsStartMonthPlusInterval()
    {
        var e = Create(review: 6);
        Assert.That(e.NextReviewOn, Is.EqualTo(D("2025-10-01")));
        Assert.That(e.Status, Is.EqualTo(EnrolmentStatus.Active));
    }

    [Test]
    public void Create_TekunWithoutCareSetting_IsRefused() =>
        AssertRule(() => Create(Programme.Tekun), "enrolment.care-setting-missing");

    [Test]
    public void Create_DibaoForPersonActiveInTekun_IsRefused() =>
        AssertRule(() => Create(existing: [new ExistingEnrolment(Guid.NewGuid(), Programme.Tekun, Household, PersonId)]), "enrolment.dibao-and-tekun");

    [Test]
    public void Create_TekunForPersonActiveInDibao_IsRefused() =>
        AssertRule(() => Create(Programme.Tekun, care: CareSetting.Decentralized,
            existing: [new ExistingEnrolment(Guid.NewGuid(), Programme.Dibao, Household, PersonId)]), "enrolment.dibao-and-tekun");

    [Test]
    public void Create_WhenPersonActiveInAnotherHousehold_IsRefused() =>
        AssertRule(() => Create(Programme.DibaoMarginal, existing: [new ExistingEnrolment(Guid.NewGuid(), Programme.DibaoMarginal, Guid.NewGuid(), PersonId)]),
            "enrolment.person-active-in-other-household");

    [Test]
    public void Create_WhenPersonAlreadyEnrolledInSameProgramme_IsRefused() =>
        AssertRule(() => Create(existing: [new ExistingEnrolment(Guid.NewGuid(), Programme.Dibao, Household, PersonId)]), "enrolment.already-enrolled");

    [Test]
    public void Create_WhenOtherPersonIsEnrolled_IsAllowed() =>
        Assert.DoesNotThrow(() => Create(existing: [new ExistingEnrolment(Guid.NewGuid(), Programme.Tekun, Household, "320682195001010027")]));

    [Test]
    public void Create_WithThreeDecimalAmount_IsRejectedAsInvalid() =>
        Assert.Throws<DomainValidationException>(() => Enrolment.CreateOnApproval(Guid.NewGuid(), RegionCode.Parse("320682"), Guid.NewGuid(), Programme.Dibao,
            Household, null, [], 1.005m, null, 12, null, D("2025-03-14"), []));

    [Test]
    public void SuspendResume_RoundTrip()
    {
        var e = Create();
        e.Suspend(D("2025-06-01"), null);
        Assert.That(e.Status, Is.EqualTo(EnrolmentStatus.Suspended));
        e.Resume(D("2025-06-02"), null);
        Assert.That(e.Status, Is.EqualTo(EnrolmentStatus.Active));
    }

    [Test]
    public void Resume_WhenActive_IsInvalidTransition()
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(() => Create().Resume(D("2025-06-02"), null));
        Assert.That(ex!.Code, Is.EqualTo("enrolment.invalid-transition"));
    }

    [Test]
    public void EndedEnrolment_IsNeverReactivated()
    {
        var e = Create();
        e.End(D("2025-06-30"), null);
        Assert.That(e.IsActive, Is.False);
        AssertRule(() => e.Resume(D("2025-07-01"), null), "enrolment.ended");
        AssertRule(() => e.Suspend(D("2025-07-01"), null), "enrolment.ended");
        AssertRule(() => e.StartGradualExit(D("2025-07-01"), null, 6), "enrolment.ended");
        AssertRule(() => e.ChangeAmount(100m, D("2025-08-01"), D("2025-07-01"), null), "enrolment.ended");
        AssertRule(() => e.End(D("2025-07-01"), null), "enrolment.ended");
    }

    [Test]
    public void GradualExit_FromActive_ThenEnd()
    {
        var e = Create();
        e.StartGradualExit(D("2025-06-01"), null, 6);
        Assert.That(e.Status, Is.EqualTo(EnrolmentStatus.GradualExit));
        e.End(D("2025-09-30"), null);
        Assert.That(e.EndedOn, Is.EqualTo(D("2025-09-30")));
    }

    [Test]
    public void GradualExit_StartedByHand_EndsAfterTheMaximumMonths_LikeAReviewOutcome()
    {
        var e = Create();
        e.StartGradualExit(D("2025-06-21"), "found work", 6);
        Assert.That((e.Status, e.GradualExitEndsOn, e.NextReviewOn), Is.EqualTo((EnrolmentStatus.GradualExit, D("2025-12-31"), (DateOnly?)null)));

        var none = Create();
        var ex = Assert.Throws<BusinessRuleViolationException>(() => none.StartGradualExit(D("2025-06-21"), "found work", 0));
        Assert.That((ex!.Code, ex.RuleId), Is.EqualTo(("enrolment.gradual-exit-not-in-force", "R-32; S0 一; S1 一.3; N-83")));
        Assert.That((none.Status, none.GradualExitEndsOn), Is.EqualTo((EnrolmentStatus.Active, (DateOnly?)null)));
    }

    [Test]
    public void Lifecycle_RaisesOneEventPerChange_WithBeforeAndAfter()
    {
        var e = Create();
        var started = e.DomainEvents.OfType<EnrolmentStarted>().Single();
        Assert.That((started.EnrolmentId, started.StartMonth, started.MonthlyAmount, started.Action), Is.EqualTo((e.Id, e.StartMonth, e.MonthlyAmount, "Created")));
        e.ClearDomainEvents();

        e.ChangeAmount(e.MonthlyAmount + 12.5m, D("2025-07-15"), D("2025-06-20"), "review");
        e.ChangeAmount(e.MonthlyAmount, D("2025-07-15"), D("2025-06-20"), "same amount: no event");
        e.StartGradualExit(D("2025-06-21"), "found work", 6);
        e.End(D("2025-12-31"), "gradual exit over");

        Assert.That(e.DomainEvents, Has.Count.EqualTo(3));
        var amount = (EnrolmentAmountChanged)e.DomainEvents[0];
        Assert.That((amount.AmountAfter - amount.AmountBefore, amount.EffectiveMonth, amount.Reason), Is.EqualTo((12.5m, D("2025-07-01"), "review")));
        var status = (EnrolmentStatusChanged)e.DomainEvents[1];
        Assert.That((status.StatusBefore, status.StatusAfter, status.Action), Is.EqualTo((EnrolmentStatus.Active, EnrolmentStatus.GradualExit, "StartGradualExit")));
        var ended = (EnrolmentEnded)e.DomainEvents[2];
        Assert.That((ended.StatusBefore, ended.EndedOn), Is.EqualTo((EnrolmentStatus.GradualExit, D("2025-12-31"))));
    }

    [Test]
    public void RestoreFromState_RoundTrips()
    {
        var e = Create(Programme.Tekun, care: CareSetting.Decentralized);
        var r = Enrolment.Restore(e.ToState());
        Assert.That(r.CareSetting, Is.EqualTo(CareSetting.Decentralized));
        Assert.That(r.Covered, Is.EqualTo(e.Covered));
    }
}
