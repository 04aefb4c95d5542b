namespace Assistance.Domain.Tests.Enrolments;

using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Enrolments;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

public sealed class CareAgreementTests
{
    [TestCase("2025-03-31", false, TestName = "VisitOverdue_OnTheDueDay_IsFalse")]
    [TestCase("2025-04-01", true, TestName = "VisitOverdue_TheDayAfterDue_IsTrue")]
    public void VisitOverdue_Boundary(string today, bool expected) =>
        Assert.That(CareAgreementRules.IsVisitOverdue(D("2025-03-01"), D("2025-03-01"), 30, D(today)), Is.EqualTo(expected));

    [Test]
    public void VisitOverdue_WithoutVisits_CountsFromStart() =>
        Assert.That(CareAgreementRules.NextVisitDue(D("2025-03-01"), null, 7), Is.EqualTo(D("2025-03-08")));

    [Test]
    public void CareAgreement_ForCentralizedTekun_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(() => CareAgreementRules.CheckCanCreate(Programme.Tekun, CareSetting.Centralized, EnrolmentStatus.Active));
        Assert.That(ex!.Code, Is.EqualTo("care-agreement.needs-decentralized-tekun"));
    }

    [Test]
    public void CareAgreement_ForDibao_IsRefused() =>
        Assert.Throws<BusinessRuleViolationException>(() => CareAgreementRules.CheckCanCreate(Programme.Dibao, null, EnrolmentStatus.Active));

    [Test]
    public void CareAgreement_ForDecentralizedTekun_IsAllowed() =>
        Assert.DoesNotThrow(() => CareAgreementRules.CheckCanCreate(Programme.Tekun, CareSetting.Decentralized, EnrolmentStatus.Active));
}
