namespace Assistance.Domain.Tests.Applications;

using Assistance.Domain.Applications;
using Assistance.Domain.Calendar;
using static Assistance.Domain.Tests.Applications.ApplicationBuilder;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

/// <summary>domain.md §7: each time limit, its boundary day and one day across, on the seed calendar.</summary>
public sealed class ApplicationDeadlineTests
{
    private static Deadline Step(Application a, DeadlineStep step, string today) =>
        a.Deadlines(Calendar, Limits, D(today)).Single(d => d.Step == step);

    [Test]
    public void StartVerification_AcrossSpringFestival2025_IsDueOnFifthOfFebruary()
    {
        var a = Submitted(on: "2025-01-24");
        a.Accept(D("2025-01-24"), Actor, null);
        var d = Step(a, DeadlineStep.StartVerification, "2025-01-24");
        Assert.That(d.DueOn, Is.EqualTo(D("2025-02-05")));
        Assert.That(d.State, Is.EqualTo(DeadlineState.Pending));
        Assert.That(d.Source, Does.Contain("N-57"));
    }

    [TestCase("2025-02-05", DeadlineState.Met, TestName = "StartVerification_RequestedOnDueDate_IsMet")]
    [TestCase("2025-02-06", DeadlineState.Late, TestName = "StartVerification_RequestedOneDayAfter_IsLate")]
    public void StartVerification_Boundary(string requestedOn, DeadlineState expected)
    {
        var a = Submitted(on: "2025-01-24");
        a.Accept(D("2025-01-24"), Actor, null);
        a.RequestVerification(D(requestedOn), Actor, null);
        Assert.That(Step(a, DeadlineStep.StartVerification, requestedOn).State, Is.EqualTo(expected));
    }

    [TestCase("2025-02-05", DeadlineState.Pending, TestName = "StartVerification_OpenOnDueDate_IsPending")]
    [TestCase("2025-02-06", DeadlineState.Overdue, TestName = "StartVerification_OpenTheDayAfter_IsOverdue")]
    public void StartVerification_OpenBoundary(string today, DeadlineState expected)
    {
        var a = Submitted(on: "2025-01-24");
        a.Accept(D("2025-01-24"), Actor, null);
        Assert.That(Step(a, DeadlineStep.StartVerification, today).State, Is.EqualTo(expected));
    }

    [TestCase("2025-03-10", DeadlineState.Met, TestName = "DataCheck_LastSourceOnDueDate_IsMet")]
    [TestCase("2025-03-11", DeadlineState.Late, TestName = "DataCheck_LastSourceOneWorkingDayLate_IsLate")]
    public void DataCheck_ThreeWorkingDaysFromRequest(string lastSourceOn, DeadlineState expected)
    {
        // Requested Wed 2025-03-05: Thu, Fri, Mon → due Mon 03-10.
        var a = Verifying(acceptedOn: "2025-03-05");
        foreach (var s in Enum.GetValues<VerificationSource>().Where(s => s != VerificationSource.Vehicles))
        {
            a.RecordVerificationResult(s, VerificationOutcome.Pass, null, D("2025-03-06"), "county", null);
        }

        Assert.That(Step(a, DeadlineStep.DataCheck, "2025-03-06").DueOn, Is.EqualTo(D("2025-03-10")));
        a.RecordVerificationResult(VerificationSource.Vehicles, VerificationOutcome.Pass, null, D(lastSourceOn), "county", null);
        var d = Step(a, DeadlineStep.DataCheck, lastSourceOn);
        Assert.That(d.CompletedOn, Is.EqualTo(D(lastSourceOn)));
        Assert.That(d.State, Is.EqualTo(expected));
    }

    [Test]
    public void Decision_Dibao_TenWorkingDaysAcrossNationalDay2025()
    {
        var a = AwaitingDecision(acceptedOn: "2025-09-15", noticeOn: "2025-09-18", closeOn: "2025-09-26");
        var d = Step(a, DeadlineStep.Decision, "2025-09-26");
        Assert.That(d.StartedOn, Is.EqualTo(D("2025-09-26")));
        Assert.That(d.DueOn, Is.EqualTo(D("2025-10-16")));
        Assert.That(d.Limit, Is.EqualTo(10));
    }

    [TestCase("2025-10-16", DeadlineState.Met, TestName = "Decision_Dibao_OnDueDate_IsMet")]
    [TestCase("2025-10-17", DeadlineState.Late, TestName = "Decision_Dibao_OneDayLate_IsLate")]
    public void Decision_Dibao_Boundary(string decidedOn, DeadlineState expected)
    {
        var a = AwaitingDecision(acceptedOn: "2025-09-15", noticeOn: "2025-09-18", closeOn: "2025-09-26");
        a.Approve(true, D(decidedOn), "county", null);
        Assert.That(Step(a, DeadlineStep.Decision, decidedOn).State, Is.EqualTo(expected));
    }

    [Test]
    public void Decision_Tekun_FifteenWorkingDays()
    {
        // Closed Fri 2025-09-26: 10 working days reach 10-16 (see above); 5 more: 10-17, 10-20, 21, 22, 23.
        var a = AwaitingDecision(Programme.Tekun, acceptedOn: "2025-09-15", noticeOn: "2025-09-18", closeOn: "2025-09-26");
        var d = Step(a, DeadlineStep.Decision, "2025-09-26");
        Assert.That(d.DueOn, Is.EqualTo(D("2025-10-23")));
        Assert.That(d.Source, Does.Contain("N-43"));
    }

    [Test]
    public void Investigation_Tekun_FifteenWorkingDaysAcrossSpringFestival2026()
    {
        // Accepted Mon 2026-02-09: 02-10 02-11 02-12 02-13 02-14(调休) = 5 | holiday 02-15..02-23 |
        // 02-24 02-25 02-26 02-27 02-28(调休) = 10 | 03-02 03-03 03-04 03-05 03-06 = 15.
        var a = Submitted(Programme.Tekun, "2026-02-09");
        a.Accept(D("2026-02-09"), Actor, null);
        var d = Step(a, DeadlineStep.Investigation, "2026-02-09");
        Assert.That(d.DueOn, Is.EqualTo(D("2026-03-06")));
        Assert.That(a.Deadlines(Calendar, Limits, D("2026-02-09")).Select(x => x.Step), Is.EqualTo(new[] { DeadlineStep.Investigation }));
    }

    [TestCase("2026-03-06", DeadlineState.Met, TestName = "Investigation_Tekun_SurveyedOnDueDate_IsMet")]
    [TestCase("2026-03-09", DeadlineState.Late, TestName = "Investigation_Tekun_SurveyedNextWorkingDay_IsLate")]
    public void Investigation_Tekun_Boundary(string surveyedOn, DeadlineState expected)
    {
        var a = Submitted(Programme.Tekun, "2026-02-09");
        a.Accept(D("2026-02-09"), Actor, null);
        a.RequestVerification(D("2026-02-10"), Actor, null);
        RecordAllSources(a, "2026-02-12");
        a.RecordHomeSurvey(TwoInvestigators, "x", D(surveyedOn), Actor, null);
        Assert.That(Step(a, DeadlineStep.Investigation, surveyedOn).State, Is.EqualTo(expected));
    }

    [Test]
    public void WholeProcess_Dibao_ThirtyWorkingDays_FortyFiveWhenExtended()
    {
        var a = Verifying(acceptedOn: "2025-03-03");
        Assert.That(Step(a, DeadlineStep.WholeProcess, "2025-03-03").DueOn, Is.EqualTo(Calendar.AddWorkingDays(D("2025-03-03"), 30)));
        Assert.That(Step(a, DeadlineStep.WholeProcess, "2025-03-03").DueOn, Is.EqualTo(D("2025-04-15")));
        a.ExtendProcess(D("2025-03-20"), Actor, "核对数据延迟");
        var d = Step(a, DeadlineStep.WholeProcess, "2025-03-20");
        Assert.That(d.Limit, Is.EqualTo(45));
        Assert.That(d.DueOn, Is.EqualTo(Calendar.AddWorkingDays(D("2025-03-03"), 45)));
    }

    [TestCase("2025-03-19", DeadlineState.Met, TestName = "RefusalNotice_OnThirdWorkingDay_IsMet")]
    [TestCase("2025-03-20", DeadlineState.Late, TestName = "RefusalNotice_OnFourthWorkingDay_IsLate")]
    public void RefusalNotice_ThreeWorkingDaysFromDecision(string issuedOn, DeadlineState expected)
    {
        var a = AwaitingDecision();
        a.Reject(true, "收入超标", D("2025-03-14"), "county"); // Fri → Mon 17, Tue 18, Wed 19.
        Assert.That(Step(a, DeadlineStep.RefusalNotice, "2025-03-14").DueOn, Is.EqualTo(D("2025-03-19")));
        a.IssueRefusalNotice(D(issuedOn), "township", null);
        Assert.That(Step(a, DeadlineStep.RefusalNotice, issuedOn).State, Is.EqualTo(expected));
    }

    [Test]
    public void Deadlines_WhenYearHasNoCalendar_ThrowExplicitError()
    {
        var a = Submitted(on: "2026-12-28");
        a.Accept(D("2026-12-30"), Actor, null);
        Assert.Throws<CalendarYearMissingException>(() => a.Deadlines(Calendar, Limits, D("2026-12-30")));
    }

    [Test]
    public void Deadlines_BeforeAcceptance_AreEmpty() =>
        Assert.That(Submitted().Deadlines(Calendar, Limits, D("2025-01-20")), Is.Empty);
}
