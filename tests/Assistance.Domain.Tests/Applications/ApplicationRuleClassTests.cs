namespace Assistance.Domain.Tests.Applications;

using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using static Assistance.Domain.Tests.Applications.ApplicationBuilder;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

/// <summary>
/// The submission rules that handlers used to throw (applicant a present member, one open application), the inline
/// throws of the aggregate now rule classes, and the approval's assessment carried on its event.
/// </summary>
public sealed class ApplicationRuleClassTests
{
    private static void AssertRule(TestDelegate action, string code, string source)
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(action);
        Assert.That(ex!.Code, Is.EqualTo(code), ex.Message);
        Assert.That(ex.RuleId, Is.EqualTo(source));
    }

    private static ApplicationSubmission Valid() =>
        Submission(Programme.Dibao, ApplicationChannel.Window, registeredInRegion: true, residencePermit: false, D("2025-03-03"), null);

    [Test]
    public void Submit_ByAnApplicantOutsideTheHousehold_IsRefused() =>
        AssertRule(() => Application.Submit(Valid() with { ApplicantStatus = null }), "application.applicant-not-a-member", "R-20; N-57 Art.4");

    [TestCase(MemberStatus.Deceased)]
    [TestCase(MemberStatus.Imprisoned)]
    public void Submit_ByAnApplicantWhoIsNotPresent_IsRefused_NamingTheStatus(MemberStatus status)
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(() => Application.Submit(Valid() with { ApplicantStatus = status }));
        Assert.That(ex!.Code, Is.EqualTo("application.applicant-not-present"));
        Assert.That(ex.Message, Does.Contain($"status is {status}"));
        Assert.That(ex.RuleId, Is.EqualTo("R-20; R-01"));
    }

    [Test]
    public void Submit_WhileAnotherApplicationIsOpen_IsRefused_NamingIt()
    {
        var open = Guid.NewGuid();
        var ex = Assert.Throws<BusinessRuleViolationException>(() => Application.Submit(Valid() with { OpenApplicationId = open }));
        Assert.That(ex!.Code, Is.EqualTo("application.already-open"));
        Assert.That(ex.Message, Is.EqualTo($"The household already has an open Dibao application ({open})."));
    }

    [Test]
    public void OneOpenApplication_FoundByTheDatabase_HasTheSameCode_WithoutAnId()
    {
        var ex = BusinessRules.Violation(new OneOpenApplicationPerHouseholdAndProgramme(Programme.Tekun, anotherIsOpen: true));
        Assert.That((ex.Code, ex.Message, ex.RuleId), Is.EqualTo(("application.already-open", "The household already has an open Tekun application.", "R-20")));
        Assert.That(new OneOpenApplicationPerHouseholdAndProgramme(Programme.Tekun, anotherIsOpen: false).IsBroken(), Is.False);
    }

    [Test]
    public void ADiscrepancy_WithoutDetails_IsRefused() =>
        AssertRule(
            () => Verifying().RecordVerificationResult(VerificationSource.Bank, VerificationOutcome.Discrepancy, "  ", D("2025-01-24"), Actor, null),
            "application.discrepancy-needs-details", "R-20");

    [Test]
    public void DiscrepancyHasDetails_HoldsForAPassWithoutDetails() =>
        Assert.That(new DiscrepancyHasDetails(VerificationOutcome.Pass, null).IsBroken(), Is.False);

    [Test]
    public void ADemocraticEvaluation_WithoutOutcome_IsBroken_AReopenedSurveyNeedsNone()
    {
        Assert.That(new DemocraticEvaluationHasAnOutcome(ObjectionResolution.DemocraticEvaluation, " ").IsBroken(), Is.True);
        Assert.That(new DemocraticEvaluationHasAnOutcome(ObjectionResolution.DemocraticEvaluation, "通过").IsBroken(), Is.False);
        Assert.That(new DemocraticEvaluationHasAnOutcome(ObjectionResolution.ReopenSurvey, null).IsBroken(), Is.False);
    }

    [Test]
    public void ARandomCheck_OfADibaoApplication_IsRefused() =>
        AssertRule(() => AwaitingDecision().SelectForRandomCheck(D("2025-03-14"), "county", null), "application.random-check-tekun-only", "R-20; N-43");

    [Test]
    public void NoteApprovalAssessment_PutsTheOutcomeOnTheApprovalsEvent()
    {
        var a = AwaitingDecision();
        a.ClearDomainEvents();
        a.Approve(true, D("2025-03-14"), "county", "符合条件");
        a.NoteApprovalAssessment(new ApprovalAssessment(AssessmentOutcome.Dibao, 1300.00m));

        var decided = (ApplicationDecided)a.DomainEvents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(decided.Action, Is.EqualTo("Approved"));
            Assert.That(decided.Assessment, Is.EqualTo(new ApprovalAssessment(AssessmentOutcome.Dibao, 1300.00m)));
            Assert.That(decided.Assessment!.IsUnavailable, Is.False);
            Assert.That(decided.Decision!.Kind, Is.EqualTo(DecisionKind.Approve));
        });
    }

    [Test]
    public void NoteApprovalAssessment_WithoutAnApprovalInThisCommand_IsAProgrammingError()
    {
        var a = AwaitingDecision();
        a.Approve(true, D("2025-03-14"), "county", null);
        a.ClearDomainEvents();
        Assert.Throws<InvalidOperationException>(() => a.NoteApprovalAssessment(ApprovalAssessment.Unavailable));
    }

    [Test]
    public void ARejection_CarriesNoAssessment()
    {
        var a = AwaitingDecision();
        a.ClearDomainEvents();
        a.Reject(true, "收入超标", D("2025-03-14"), "county");
        var decided = (ApplicationDecided)a.DomainEvents.Single();
        Assert.That((decided.Action, decided.Assessment), Is.EqualTo(("Rejected", (ApprovalAssessment?)null)));
    }
}
