namespace Assistance.Domain.Tests.Applications;

using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Regions;
using static Assistance.Domain.Tests.Applications.ApplicationBuilder;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

public sealed class ApplicationTransitionTests
{
    private static void AssertRule(TestDelegate action, string code)
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(action);
        Assert.That(ex!.Code, Is.EqualTo(code), ex.Message);
        Assert.That(ex.RuleId, Does.StartWith("R-"));
    }

    [Test]
    public void Submit_WhenHouseholdNotInRegionAndNoResidencePermit_IsRefused() =>
        AssertRule(() => Application.Submit(
            Submission(Programme.Dibao, ApplicationChannel.Online, registeredInRegion: false, residencePermit: false, D("2025-03-03"), null)), "application.applicant-not-in-region");

    [Test]
    public void Submit_WhenResidencePermitHeld_IsAccepted()
    {
        var a = Application.Submit(
            Submission(Programme.Dibao, ApplicationChannel.Online, registeredInRegion: false, residencePermit: true, D("2025-03-03"), null));
        Assert.That(a.ResidencePermit, Is.True);
        Assert.That(a.Status, Is.EqualTo(ApplicationStatus.Submitted));
    }

    [Test]
    public void Submit_WhenRegisteredRelativeAmongMembers_IsFlagged()
    {
        var a = Submitted(conflicts: [new ConflictOfInterestMatch(Guid.NewGuid(), "王五", StaffRole.VillageCadre, "Sibling")]);
        Assert.That(a.ConflictOfInterestFlagged, Is.True);
        Assert.That(a.History.Select(h => h.Action), Does.Contain("ConflictOfInterestFlagged"));
    }

    [Test]
    public void Accept_WhenSubmitted_RecordsDateActorAndReason()
    {
        var a = Submitted();
        a.Accept(D("2025-01-21"), "clerk", "材料齐全");
        Assert.That(a.Status, Is.EqualTo(ApplicationStatus.Accepted));
        Assert.That(a.AcceptedOn, Is.EqualTo(D("2025-01-21")));
        Assert.That(a.History[^1], Is.EqualTo(new ApplicationEvent("Accepted", D("2025-01-21"), "clerk", "材料齐全")));
    }

    [Test]
    public void Accept_WhenAlreadyAccepted_IsInvalidTransition()
    {
        var a = Submitted();
        a.Accept(D("2025-01-21"), Actor, null);
        AssertRule(() => a.Accept(D("2025-01-21"), Actor, null), "application.invalid-transition");
    }

    [Test]
    public void RequestVerification_BeforeAcceptance_IsInvalidTransition() =>
        AssertRule(() => Submitted().RequestVerification(D("2025-01-21"), Actor, null), "application.invalid-transition");

    [Test]
    public void RecordVerificationResult_Discrepancy_NeedsDetails()
    {
        var a = Verifying();
        AssertRule(() => a.RecordVerificationResult(VerificationSource.Bank, VerificationOutcome.Discrepancy, " ", D("2025-01-27"), Actor, null),
            "application.discrepancy-needs-details");
        a.RecordVerificationResult(VerificationSource.Bank, VerificationOutcome.Discrepancy, "存款 12,000 元未申报", D("2025-01-27"), Actor, null);
        Assert.That(a.MissingVerificationSources, Does.Not.Contain(VerificationSource.Bank));
    }

    [Test]
    public void RecordVerificationResult_BeforeRequest_IsInvalidTransition()
    {
        var a = Submitted();
        a.Accept(D("2025-01-21"), Actor, null);
        AssertRule(() => a.RecordVerificationResult(VerificationSource.Bank, VerificationOutcome.Pass, null, D("2025-01-21"), Actor, null),
            "application.invalid-transition");
    }

    [TestCase("张三", TestName = "RecordHomeSurvey_WithOneInvestigator_IsRefused")]
    [TestCase("张三|张三", TestName = "RecordHomeSurvey_WithTheSameInvestigatorTwice_IsRefused")]
    [TestCase("张三| ", TestName = "RecordHomeSurvey_WithABlankSecondInvestigator_IsRefused")]
    public void RecordHomeSurvey_NeedsTwoInvestigators(string investigators) =>
        AssertRule(() => Verifying().RecordHomeSurvey(investigators.Split('|'), "x", D("2025-01-27"), Actor, null), "application.survey-needs-two-investigators");

    [Test]
    public void RecordHomeSurvey_WithTwoInvestigators_MovesToSurveyed()
    {
        var a = Verifying();
        a.RecordHomeSurvey(TwoInvestigators, "住房简陋", D("2025-01-27"), Actor, null);
        Assert.That(a.Status, Is.EqualTo(ApplicationStatus.Surveyed));
    }

    [Test]
    public void OpenPublicNotice_BeforeSurvey_IsInvalidTransition() =>
        AssertRule(() => Verifying().OpenPublicNotice(D("2025-01-27"), Actor, null), "application.invalid-transition");

    // Civil Code Art. 201: the opening day is not counted — domain.md §7's worked example, a 7-day notice opened on
    // Monday 2025-03-03, runs 03-04 … 03-10 and can be closed from 03-11.
    [Test]
    public void ClosePublicNotice_OpenedMonday3March2025_RunsToTenthAndClosesFromEleventh()
    {
        var a = Verifying(acceptedOn: "2025-02-28");
        a.RecordHomeSurvey(TwoInvestigators, "x", D("2025-02-28"), Actor, null);
        a.OpenPublicNotice(D("2025-03-03"), Actor, null);
        Assert.That(a.NoticeEndsOn(Calendar, Limits), Is.EqualTo(D("2025-03-10")));
        AssertRule(() => a.ClosePublicNotice(D("2025-03-10"), Actor, null, Calendar, Limits), "application.notice-period-running");
        a.ClosePublicNotice(D("2025-03-11"), Actor, null, Calendar, Limits);
        Assert.That(a.Status, Is.EqualTo(ApplicationStatus.AwaitingDecision));
    }

    // Civil Code Art. 203: a calendar-day period whose last day is a rest day ends on the next working day. Opened
    // 2025-09-24, the 7th day is 10-01, inside the National Day holiday (10-01 … 10-08): it ends on Thursday 10-09.
    [Test]
    public void ClosePublicNotice_LastDayInNationalDayHoliday_EndsOnNextWorkingDay()
    {
        var a = Verifying(acceptedOn: "2025-09-22");
        a.RecordHomeSurvey(TwoInvestigators, "x", D("2025-09-23"), Actor, null);
        a.OpenPublicNotice(D("2025-09-24"), Actor, null);
        Assert.That(a.NoticeEndsOn(Calendar, Limits), Is.EqualTo(D("2025-10-09")));
        AssertRule(() => a.ClosePublicNotice(D("2025-10-09"), Actor, null, Calendar, Limits), "application.notice-period-running");
        a.ClosePublicNotice(D("2025-10-10"), Actor, null, Calendar, Limits);
        Assert.That(a.NoticeClosedOn, Is.EqualTo(D("2025-10-10")));
    }

    // Opened Saturday 2025-03-08: the 7th day, Saturday 03-15, is a rest day; the notice ends on Monday 03-17.
    [Test]
    public void ClosePublicNotice_LastDayOnWeekend_EndsOnMonday()
    {
        var a = Verifying(acceptedOn: "2025-03-03");
        a.RecordHomeSurvey(TwoInvestigators, "x", D("2025-03-04"), Actor, null);
        a.OpenPublicNotice(D("2025-03-08"), Actor, null);
        Assert.That(a.NoticeEndsOn(Calendar, Limits), Is.EqualTo(D("2025-03-17")));
        AssertRule(() => a.ClosePublicNotice(D("2025-03-17"), Actor, null, Calendar, Limits), "application.notice-period-running");
        a.ClosePublicNotice(D("2025-03-18"), Actor, null, Calendar, Limits);
    }

    [Test]
    public void RecordObjection_ReopenSurvey_SendsCaseBackForANewSurveyAndNotice()
    {
        var a = Verifying(acceptedOn: "2025-03-03");
        a.RecordHomeSurvey(TwoInvestigators, "x", D("2025-03-04"), Actor, null);
        a.OpenPublicNotice(D("2025-03-05"), Actor, null);
        a.RecordObjection("邻居反映有经营收入", ObjectionResolution.ReopenSurvey, null, D("2025-03-06"), Actor, null);
        Assert.That(a.Status, Is.EqualTo(ApplicationStatus.Verifying));
        Assert.That(a.NoticeOpenedOn, Is.Null);
        a.RecordHomeSurvey(TwoInvestigators, "复查无经营", D("2025-03-07"), Actor, null);
        a.OpenPublicNotice(D("2025-03-10"), Actor, null);
        AssertRule(() => a.ClosePublicNotice(D("2025-03-17"), Actor, null, Calendar, Limits), "application.notice-period-running");
        a.ClosePublicNotice(D("2025-03-18"), Actor, null, Calendar, Limits);
        Assert.That(a.Surveys, Has.Count.EqualTo(2));
    }

    [Test]
    public void RecordObjection_DemocraticEvaluation_NeedsOutcomeAndKeepsNotice()
    {
        var a = Verifying(acceptedOn: "2025-03-03");
        a.RecordHomeSurvey(TwoInvestigators, "x", D("2025-03-04"), Actor, null);
        a.OpenPublicNotice(D("2025-03-05"), Actor, null);
        AssertRule(() => a.RecordObjection("异议", ObjectionResolution.DemocraticEvaluation, null, D("2025-03-06"), Actor, null),
            "application.evaluation-outcome-missing");
        a.RecordObjection("异议", ObjectionResolution.DemocraticEvaluation, "评议通过 9:2", D("2025-03-06"), Actor, null);
        Assert.That(a.Status, Is.EqualTo(ApplicationStatus.PublicNotice));
    }

    [Test]
    public void RecordObjection_OutsideNotice_IsInvalidTransition() =>
        AssertRule(() => Verifying().RecordObjection("x", ObjectionResolution.ReopenSurvey, null, D("2025-03-06"), Actor, null), "application.invalid-transition");

    [Test]
    public void Approve_WithoutVerificationResult_IsRefused()
    {
        var a = AwaitingDecision(verify: false);
        AssertRule(() => a.Approve(true, D("2025-03-14"), "county", null), "application.verification-missing");
        Assert.That(a.Status, Is.EqualTo(ApplicationStatus.AwaitingDecision));
    }

    [Test]
    public void Approve_WithFourOfFiveSources_IsRefusedNamingTheMissingOne()
    {
        var a = AwaitingDecision(verify: false);
        foreach (var s in new[] { VerificationSource.Bank, VerificationSource.RealEstate, VerificationSource.Vehicles, VerificationSource.BusinessRegistration })
        {
            a.RecordVerificationResult(s, VerificationOutcome.Pass, null, D("2025-03-13"), "county", null);
        }

        var ex = Assert.Throws<BusinessRuleViolationException>(() => a.Approve(true, D("2025-03-14"), "county", null));
        Assert.That(ex!.Message, Does.Contain("SocialInsurance"));
    }

    [Test]
    public void Approve_WhenStillUnderNotice_IsInvalidTransition()
    {
        var a = Verifying(acceptedOn: "2025-03-03");
        RecordAllSources(a, "2025-03-04");
        a.RecordHomeSurvey(TwoInvestigators, "x", D("2025-03-04"), Actor, null);
        a.OpenPublicNotice(D("2025-03-05"), Actor, null);
        AssertRule(() => a.Approve(true, D("2025-03-06"), "county", null), "application.invalid-transition");
    }

    [Test]
    public void Approve_ByTownship_IsRefused() =>
        AssertRule(() => AwaitingDecision().Approve(false, D("2025-03-14"), "township", null), "application.decision-needs-county");

    [Test]
    public void CountyHomeVisit_ByTownship_IsRefused_AndRecordsNothing()
    {
        var a = AwaitingDecision();
        AssertRule(() => a.RecordCountyHomeVisit(false, CountyVisitPurpose.RandomCheck, TwoInvestigators, "x", D("2025-03-14"), "township", null),
            "application.decision-needs-county");
        Assert.That(a.CountyVisits, Is.Empty);
    }

    [Test]
    public void Approve_WhenConflictFlaggedWithoutCountyVisit_IsRefused_ThenAllowedAfterVisit()
    {
        var a = AwaitingDecision(conflicts: [new ConflictOfInterestMatch(Guid.NewGuid(), "王五", StaffRole.Caseworker, "Child")]);
        AssertRule(() => a.Approve(true, D("2025-03-14"), "county", null), "application.conflict-of-interest-visit-missing");

        // A random-check visit is not the conflict-of-interest visit.
        a.RecordCountyHomeVisit(true, CountyVisitPurpose.RandomCheck, TwoInvestigators, "x", D("2025-03-14"), "county", null);
        AssertRule(() => a.Approve(true, D("2025-03-14"), "county", null), "application.conflict-of-interest-visit-missing");

        a.RecordCountyHomeVisit(true, CountyVisitPurpose.ConflictOfInterest, TwoInvestigators, "情况属实", D("2025-03-14"), "county", null);
        a.Approve(true, D("2025-03-14"), "county", "符合条件");
        Assert.That(a.Status, Is.EqualTo(ApplicationStatus.Approved));
        Assert.That(a.Decision!.Kind, Is.EqualTo(DecisionKind.Approve));
    }

    [Test]
    public void Approve_TekunSelectedForRandomCheckWithoutVisit_IsRefused()
    {
        var a = AwaitingDecision(Programme.Tekun);
        a.SelectForRandomCheck(D("2025-03-13"), "county", "抽查");
        AssertRule(() => a.Approve(true, D("2025-03-14"), "county", null), "application.random-check-visit-missing");
        a.RecordCountyHomeVisit(true, CountyVisitPurpose.RandomCheck, TwoInvestigators, "属实", D("2025-03-14"), "county", null);
        a.Approve(true, D("2025-03-14"), "county", null);
        Assert.That(a.Status, Is.EqualTo(ApplicationStatus.Approved));
    }

    [Test]
    public void SelectForRandomCheck_WhenDibao_IsRefused() =>
        AssertRule(() => AwaitingDecision().SelectForRandomCheck(D("2025-03-13"), "county", null), "application.random-check-tekun-only");

    [Test]
    public void Reject_WithoutReasons_IsRefused() =>
        AssertRule(() => AwaitingDecision().Reject(true, "  ", D("2025-03-14"), "county"), "application.rejection-needs-reasons");

    [Test]
    public void Reject_ThenRefusalNotice_ClosesTheCase()
    {
        var a = AwaitingDecision();
        a.Reject(true, "人均收入高于低保标准", D("2025-03-14"), "county");
        AssertRule(() => a.Approve(true, D("2025-03-14"), "county", null), "application.invalid-transition");
        a.IssueRefusalNotice(D("2025-03-17"), "township", "书面告知");
        Assert.That(a.Status, Is.EqualTo(ApplicationStatus.RefusalNotified));
    }

    [Test]
    public void IssueRefusalNotice_WhenNotRejected_IsInvalidTransition() =>
        AssertRule(() => AwaitingDecision().IssueRefusalNotice(D("2025-03-17"), "township", null), "application.invalid-transition");

    [Test]
    public void MarkEnrolled_AfterApproval_RecordsEnrolment()
    {
        var a = AwaitingDecision();
        a.Approve(true, D("2025-03-14"), "county", null);
        var id = Guid.NewGuid();
        a.MarkEnrolled([id], D("2025-03-14"), "county");
        Assert.That(a.Status, Is.EqualTo(ApplicationStatus.Enrolled));
        Assert.That(a.EnrolmentIds, Is.EqualTo(new[] { id }));
    }

    [Test]
    public void ExtendProcess_TwiceOrForTekun_IsRefused()
    {
        var a = Verifying();
        a.ExtendProcess(D("2025-01-27"), Actor, "核对数据未返回");
        AssertRule(() => a.ExtendProcess(D("2025-01-28"), Actor, "again"), "application.extension-not-allowed");
        AssertRule(() => Verifying(Programme.Tekun).ExtendProcess(D("2025-01-27"), Actor, "x"), "application.extension-not-allowed");
    }

    [Test]
    public void RestoreFromState_RoundTripsTheAggregate()
    {
        var a = AwaitingDecision(conflicts: [new ConflictOfInterestMatch(Guid.NewGuid(), "王五", StaffRole.Caseworker, "Child")]);
        var b = Application.Restore(a.ToState());
        Assert.That(b.Status, Is.EqualTo(a.Status));
        Assert.That(b.History, Is.EqualTo(a.History));
        Assert.That(b.ConflictOfInterestFlagged, Is.True);
        Assert.That(b.VerificationCompletedOn, Is.EqualTo(a.VerificationCompletedOn));
    }
}
