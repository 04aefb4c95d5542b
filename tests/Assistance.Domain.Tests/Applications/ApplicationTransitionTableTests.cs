namespace Assistance.Domain.Tests.Applications;

using Assistance.Domain.Applications;

public sealed class ApplicationTransitionTableTests
{
    [Test]
    public void Closed_IsExactlyWhereTheDecisionStepsLead()
    {
        ApplicationStep[] decisionSteps = [ApplicationStep.Approve, ApplicationStep.Reject, ApplicationStep.IssueRefusalNotice, ApplicationStep.MarkEnrolled];
        var reached = decisionSteps.Select(s => ApplicationTransitionTable.Of(s).To!.Value).ToHashSet();
        Assert.That(ApplicationTransitionTable.Closed, Is.EquivalentTo(reached));
    }

    [Test]
    public void EveryStep_HasARow_AndNoStepStartsFromAFinalStatus()
    {
        foreach (var step in Enum.GetValues<ApplicationStep>())
        {
            var row = ApplicationTransitionTable.Of(step);
            Assert.That(row.From, Is.Not.Empty, step.ToString());
            Assert.That(row.From, Has.None.EqualTo(ApplicationStatus.Enrolled).And.None.EqualTo(ApplicationStatus.RefusalNotified), step.ToString());
        }
    }

    [Test]
    public void Allows_ReadsTheTable()
    {
        Assert.That(ApplicationTransitionTable.Allows(ApplicationStep.Accept, ApplicationStatus.Submitted), Is.True);
        Assert.That(ApplicationTransitionTable.Allows(ApplicationStep.Accept, ApplicationStatus.Accepted), Is.False);
        Assert.That(ApplicationTransitionTable.IsClosed(ApplicationStatus.Approved), Is.True);
        Assert.That(ApplicationTransitionTable.IsClosed(ApplicationStatus.AwaitingDecision), Is.False);
    }
}
