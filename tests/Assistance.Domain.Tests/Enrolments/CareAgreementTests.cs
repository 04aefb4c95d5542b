namespace Assistance.Domain.Tests.Enrolments;

using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Regions;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

/// <summary>The care agreement aggregate (关爱照料协议, R-23): its rules, its visit arithmetic and its events.</summary>
public sealed class CareAgreementTests
{
    private static Enrolment Enrolment(Programme programme = Programme.Tekun, CareSetting? care = CareSetting.Decentralized) =>
        Assistance.Domain.Enrolments.Enrolment.CreateOnApproval(Guid.NewGuid(), RegionCode.Parse("320682"), Guid.NewGuid(), programme, Guid.NewGuid(),
            programme == Programme.Tekun ? new CoveredPerson(Guid.NewGuid(), "320682195001010011") : null,
            [new CoveredPerson(Guid.NewGuid(), "320682195001010011")], 850.00m, null, 12, care, D("2025-02-14"), []);

    private static CareAgreementTerms Terms(int every = 30, string startsOn = "2025-03-01") =>
        new(" 张阿姨 ", " 13800000000 ", " 每日送餐 ", every, D(startsOn));

    private static CareAgreement Agreement(int every = 30, string startsOn = "2025-03-01", string? lastVisitOn = null) =>
        CareAgreement.Restore(new CareAgreementState(
            Guid.NewGuid(), RegionCode.Parse("320682"), Guid.NewGuid(), "张阿姨", null, "每日送餐", every, D(startsOn),
            lastVisitOn is null ? null : D(lastVisitOn), 3));

    private static void AssertRule(TestDelegate action, string code, string ruleId)
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(action);
        Assert.That(ex!.Code, Is.EqualTo(code), ex.Message);
        Assert.That(ex.RuleId, Does.StartWith(ruleId));
    }

    [TestCase("2025-03-31", false, TestName = "VisitOverdue_OnTheDueDay_IsFalse")]
    [TestCase("2025-04-01", true, TestName = "VisitOverdue_TheDayAfterDue_IsTrue")]
    public void VisitOverdue_Boundary(string today, bool expected) =>
        Assert.That(Agreement(lastVisitOn: "2025-03-01").IsVisitOverdue(D(today)), Is.EqualTo(expected));

    [Test]
    public void VisitOverdue_WithoutVisits_CountsFromStart() =>
        Assert.That(Agreement(every: 7).NextVisitDue, Is.EqualTo(D("2025-03-08")));

    [Test]
    public void CareAgreement_ForCentralizedTekun_IsRefused() =>
        AssertRule(
            () => CareAgreement.Create(Guid.NewGuid(), Enrolment(care: CareSetting.Centralized), false, Terms(), null),
            "care-agreement.needs-decentralized-tekun", "R-23");

    [Test]
    public void CareAgreement_ForDibao_IsRefused() =>
        AssertRule(
            () => CareAgreement.Create(Guid.NewGuid(), Enrolment(Programme.Dibao, null), false, Terms(), null),
            "care-agreement.needs-decentralized-tekun", "R-23");

    [Test]
    public void CareAgreement_ForAnEndedEnrolment_IsRefused()
    {
        var ended = Enrolment();
        ended.End(D("2025-03-01"), null);
        AssertRule(() => CareAgreement.Create(Guid.NewGuid(), ended, false, Terms(), null), "care-agreement.enrolment-ended", "R-22");
    }

    [Test]
    public void ASecondCareAgreement_ForTheSameEnrolment_IsRefused() =>
        AssertRule(() => CareAgreement.Create(Guid.NewGuid(), Enrolment(), true, Terms(), null), "care-agreement.exists", "R-23");

    [Test]
    public void CareAgreement_ForDecentralizedTekun_IsCreated_Trimmed_AndRaisesCreated()
    {
        var enrolment = Enrolment();
        var id = Guid.NewGuid();
        var a = CareAgreement.Create(id, enrolment, false, Terms(), "签订协议");

        var created = (CareAgreementCreated)a.DomainEvents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(a.Id, Is.EqualTo(id));
            Assert.That(a.EnrolmentId, Is.EqualTo(enrolment.Id));
            Assert.That(a.Region, Is.EqualTo(enrolment.Region));
            Assert.That((a.CarerName, a.CarerPhone, a.Duties), Is.EqualTo(("张阿姨", "13800000000", "每日送餐")));
            Assert.That(a.LastVisitOn, Is.Null);
            Assert.That(a.Version, Is.EqualTo(1));
            Assert.That(created.Agreement, Is.EqualTo(a.ToState()));
            Assert.That(created.Reason, Is.EqualTo("签订协议"));
        });
    }

    [Test]
    public void RecordVisit_MovesTheLastVisitForward_AndRaisesVisitRecorded_WithTheLastVisitBefore()
    {
        var a = Agreement(lastVisitOn: "2025-03-10");
        var visit = a.RecordVisit(Guid.NewGuid(), D("2025-03-20"), " 王五 ", " 身体良好 ", D("2025-03-25"));

        var recorded = (CareVisitRecorded)a.DomainEvents.Single();
        Assert.Multiple(() =>
        {
            Assert.That((visit.Visitor, visit.Notes), Is.EqualTo(("王五", "身体良好")));
            Assert.That(a.LastVisitOn, Is.EqualTo(D("2025-03-20")));
            Assert.That(a.NextVisitDue, Is.EqualTo(D("2025-04-19")));
            Assert.That(recorded.AgreementId, Is.EqualTo(a.Id));
            Assert.That(recorded.LastVisitOnBefore, Is.EqualTo(D("2025-03-10")));
            Assert.That(recorded.Visit, Is.EqualTo(visit));
        });
    }

    [Test]
    public void RecordVisit_OfAnOlderVisit_KeepsTheLaterLastVisit()
    {
        var a = Agreement(lastVisitOn: "2025-03-20");
        a.RecordVisit(Guid.NewGuid(), D("2025-03-05"), "王五", "补录", D("2025-03-25"));
        Assert.That(a.LastVisitOn, Is.EqualTo(D("2025-03-20")));
    }

    [TestCase("2025-02-28", TestName = "RecordVisit_BeforeTheStart_IsBadInputOnVisitedOn")]
    [TestCase("2025-03-26", TestName = "RecordVisit_InTheFuture_IsBadInputOnVisitedOn")]
    public void RecordVisit_OutsideStartAndToday_IsRefused(string visitedOn)
    {
        var a = Agreement();
        var ex = Assert.Throws<DomainValidationException>(() => a.RecordVisit(Guid.NewGuid(), D(visitedOn), "王五", "x", D("2025-03-25")));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Field, Is.EqualTo("visitedOn"));
            Assert.That(ex.Message, Is.EqualTo("A visit is dated between the agreement's start (2025-03-01) and today (2025-03-25)."));
            Assert.That(a.DomainEvents, Is.Empty);
            Assert.That(a.LastVisitOn, Is.Null);
        });
    }

    [Test]
    public void ARestoredAgreement_HasNoEvents() => Assert.That(Agreement().DomainEvents, Is.Empty);
}
