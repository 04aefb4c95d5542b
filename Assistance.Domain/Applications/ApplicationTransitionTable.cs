namespace Assistance.Domain.Applications;

/// <summary>A step of the statutory workflow (审核确认, R-20): one per aggregate method that may be refused by status.</summary>
public enum ApplicationStep
{
    Accept,
    RequestVerification,
    RecordVerificationResult,
    RecordHomeSurvey,
    OpenPublicNotice,
    RecordObjection,
    ReopenSurvey,
    ClosePublicNotice,
    RecordCountyHomeVisit,
    SelectForRandomCheck,
    ExtendProcess,
    Approve,
    Reject,
    IssueRefusalNotice,
    MarkEnrolled,
}

/// <summary>One row of the transition table: the statuses a step may be taken from, and the status it leads to.</summary>
/// <param name="Action">How the step is named in the refusal message.</param>
/// <param name="From">The statuses the step is allowed from.</param>
/// <param name="To">The status after the step; null when the step records something without moving the case.</param>
public sealed record ApplicationTransition(string Action, IReadOnlyList<ApplicationStatus> From, ApplicationStatus? To);

/// <summary>
/// Which status may go to which, by which step (R-20; domain.md §4). The aggregate asks this table before each step
/// and takes the target status from it, so the workflow is read in one place.
/// </summary>
public static class ApplicationTransitionTable
{
    private static readonly ApplicationStatus[] InProgress =
        [ApplicationStatus.Verifying, ApplicationStatus.Surveyed, ApplicationStatus.PublicNotice, ApplicationStatus.AwaitingDecision];

    private static readonly Dictionary<ApplicationStep, ApplicationTransition> Table = new()
    {
        [ApplicationStep.Accept] = new("accept", [ApplicationStatus.Submitted], ApplicationStatus.Accepted),
        [ApplicationStep.RequestVerification] = new("request verification", [ApplicationStatus.Accepted], ApplicationStatus.Verifying),
        [ApplicationStep.RecordVerificationResult] = new("record a verification result", InProgress, null),
        [ApplicationStep.RecordHomeSurvey] = new("record the home survey", [ApplicationStatus.Verifying], ApplicationStatus.Surveyed),
        [ApplicationStep.OpenPublicNotice] = new("open the public notice", [ApplicationStatus.Surveyed], ApplicationStatus.PublicNotice),
        [ApplicationStep.RecordObjection] = new("record an objection", [ApplicationStatus.PublicNotice], null),

        // An objection resolved by surveying again sends the case back; a new notice follows the new survey.
        [ApplicationStep.ReopenSurvey] = new("reopen the survey", [ApplicationStatus.PublicNotice], ApplicationStatus.Verifying),
        [ApplicationStep.ClosePublicNotice] = new("close the public notice", [ApplicationStatus.PublicNotice], ApplicationStatus.AwaitingDecision),
        [ApplicationStep.RecordCountyHomeVisit] = new("record a county home visit", InProgress, null),
        [ApplicationStep.SelectForRandomCheck] = new("pick for a random home check", InProgress, null),
        [ApplicationStep.ExtendProcess] = new("extend the process", [ApplicationStatus.Accepted, .. InProgress], null),
        [ApplicationStep.Approve] = new("approve", [ApplicationStatus.AwaitingDecision], ApplicationStatus.Approved),
        [ApplicationStep.Reject] = new(
            "reject", [ApplicationStatus.Submitted, ApplicationStatus.Accepted, .. InProgress], ApplicationStatus.Rejected),
        [ApplicationStep.IssueRefusalNotice] = new("issue the refusal notice", [ApplicationStatus.Rejected], ApplicationStatus.RefusalNotified),
        [ApplicationStep.MarkEnrolled] = new("enrol", [ApplicationStatus.Approved], ApplicationStatus.Enrolled),
    };

    /// <summary>
    /// The statuses in which the case is decided and no step moves it on: the household may apply again. Defined once;
    /// the repository's "open application" query and the deadline reading use it.
    /// </summary>
    public static IReadOnlyList<ApplicationStatus> Closed { get; } =
        [ApplicationStatus.Rejected, ApplicationStatus.RefusalNotified, ApplicationStatus.Enrolled, ApplicationStatus.Approved];

    /// <summary>Whether the case is closed (decided).</summary>
    public static bool IsClosed(ApplicationStatus status) => Closed.Contains(status);

    /// <summary>The row of a step.</summary>
    public static ApplicationTransition Of(ApplicationStep step) => Table[step];

    /// <summary>Whether the step may be taken from the status.</summary>
    public static bool Allows(ApplicationStep step, ApplicationStatus from) => Table[step].From.Contains(from);
}
