namespace Assistance.Domain.Tests.Applications;

using Assistance.Domain.Applications;
using static Assistance.Domain.Tests.Applications.ApplicationBuilder;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

/// <summary>The aggregate raises a typed event for every step of its history; the audit trail is built from them.</summary>
public sealed class ApplicationEventTests
{
    [Test]
    public void Submit_RaisesSubmitted_AndConflictFlagged_WithTheMatches()
    {
        var match = new ConflictOfInterestMatch(Guid.NewGuid(), "王五", StaffRole.VillageCadre, "Sibling");
        var a = Submitted(conflicts: [match]);

        Assert.That(a.DomainEvents, Has.Count.EqualTo(2));
        var submitted = (ApplicationSubmitted)a.DomainEvents[0];
        Assert.Multiple(() =>
        {
            Assert.That(submitted.ApplicationId, Is.EqualTo(a.Id));
            Assert.That(submitted.Action, Is.EqualTo("Submitted"));
            Assert.That(submitted.Reason, Is.EqualTo("申请"));
            Assert.That(submitted.StatusAfter, Is.EqualTo(ApplicationStatus.Submitted));
            Assert.That(submitted.ConflictOfInterestFlagged, Is.True);
            Assert.That(((ApplicationConflictOfInterestFlagged)a.DomainEvents[1]).Matches, Is.EqualTo(new[] { match }));
        });
    }

    [Test]
    public void EachStep_RaisesAStepEvent_WithStatusBeforeAndAfter_AndClearingForgetsThem()
    {
        var a = Submitted();
        a.ClearDomainEvents();
        a.Accept(D("2025-01-24"), Actor, "  材料齐全 ");
        a.RequestVerification(D("2025-01-24"), Actor, null);

        var steps = a.DomainEvents.Cast<ApplicationStepTaken>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(steps.Select(s => s.Action), Is.EqualTo(new[] { "Accepted", "VerificationRequested" }));
            Assert.That(steps[0].StatusBefore, Is.EqualTo(ApplicationStatus.Submitted));
            Assert.That(steps[0].StatusAfter, Is.EqualTo(steps[1].StatusBefore));
            Assert.That(steps[0].StatusAfter, Is.Not.EqualTo(ApplicationStatus.Submitted));
            Assert.That(steps[1].StatusAfter, Is.EqualTo(a.Status));
            Assert.That(steps[0].Reason, Is.EqualTo("材料齐全"), "the event carries the reason as the history keeps it");
            Assert.That(steps.Select(s => s.Actor).Distinct(), Is.EqualTo(new[] { Actor }));
        });

        a.ClearDomainEvents();
        Assert.That(a.DomainEvents, Is.Empty);
    }

    [Test]
    public void ARestoredApplication_HasNoEvents()
    {
        var a = Verifying();
        var restored = Application.Restore(a.ToState());
        Assert.That(restored.DomainEvents, Is.Empty);
        restored.RecordHomeSurvey(TwoInvestigators, "家中无车辆", D("2025-01-24"), Actor, null);
        var step = (ApplicationStepTaken)restored.DomainEvents.Single();
        Assert.That(step.StatusBefore, Is.EqualTo(a.Status), "the first event after loading starts from the stored status");
    }
}
