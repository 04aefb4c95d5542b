namespace Assistance.Domain.Applications;

using Assistance.Domain.Calendar;
using Assistance.Domain.Common;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>
/// An application (申请) and its statutory workflow (审核确认, R-20). Transitions are methods that check the
/// business rules; every one appends to the case history with actor and reason. Dates are the China calendar
/// date of the event; deadlines are computed on the working-day calendar (R-50).
/// </summary>
public sealed class Application : IHasDomainEvents
{
    private readonly List<VerificationResult> verificationResults;
    private readonly List<HomeSurvey> surveys;
    private readonly List<Objection> objections;
    private readonly List<CountyHomeVisit> countyVisits;
    private readonly List<ConflictOfInterestMatch> conflicts;
    private readonly List<ApplicationEvent> history;
    private readonly List<IDomainEvent> domainEvents = [];
    private ApplicationStatus statusAtLastEvent;

    private Application(ApplicationState state)
    {
        Id = state.Id;
        Region = RegionCode.Parse(state.RegionCode);
        HouseholdId = state.HouseholdId;
        ApplicantMemberId = state.ApplicantMemberId;
        Programme = state.Programme;
        Channel = state.Channel;
        SignedCommitment = state.SignedCommitment;
        ResidencePermit = state.ResidencePermit;
        SubmittedOn = state.SubmittedOn;
        Status = state.Status;
        Version = state.Version;
        AcceptedOn = state.AcceptedOn;
        VerificationRequestedOn = state.VerificationRequestedOn;
        NoticeOpenedOn = state.NoticeOpenedOn;
        NoticeClosedOn = state.NoticeClosedOn;
        Extended = state.Extended;
        RandomCheckSelected = state.RandomCheckSelected;
        Decision = state.Decision;
        RefusalNoticeIssuedOn = state.RefusalNoticeIssuedOn;
        EnrolmentIds = [.. state.EnrolmentIds ?? []];
        verificationResults = [.. state.VerificationResults ?? []];
        surveys = [.. state.Surveys ?? []];
        objections = [.. state.Objections ?? []];
        countyVisits = [.. state.CountyVisits ?? []];
        conflicts = [.. state.Conflicts ?? []];
        history = [.. state.History ?? []];
        statusAtLastEvent = state.Status;
    }

    public Guid Id { get; }

    public RegionCode Region { get; }

    public Guid HouseholdId { get; }

    public Guid ApplicantMemberId { get; }

    public Programme Programme { get; }

    public ApplicationChannel Channel { get; }

    /// <summary>告知承诺 signed: replaces certificates (S2 六(二十一)).</summary>
    public bool SignedCommitment { get; }

    /// <summary>The applicant applies where they hold a residence permit (居住证), not where registered.</summary>
    public bool ResidencePermit { get; }

    public DateOnly SubmittedOn { get; }

    public ApplicationStatus Status { get; private set; }

    /// <summary>Row version for If-Match; the repository bumps it on save.</summary>
    public long Version { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    public DateOnly? VerificationRequestedOn { get; private set; }

    public DateOnly? NoticeOpenedOn { get; private set; }

    /// <summary>
    /// Last day of the public notice: deadline.*.publicNoticeCalendarDays counted from the day after it opened, moved
    /// to the next working day when it ends on a rest day (Civil Code Art. 201, 203; domain.md §7). Null until opened.
    /// </summary>
    public DateOnly? NoticeEndsOn(WorkingDayCalendar calendar, StatutoryTimeLimits limits) =>
        NoticeOpenedOn is { } opened ? StatutoryDeadlines.NoticeEndsOn(Programme, opened, calendar, limits) : null;

    /// <summary>The notice closed and the file went to the county: the county's decision limit starts here.</summary>
    public DateOnly? NoticeClosedOn { get; private set; }

    public bool Extended { get; private set; }

    public bool RandomCheckSelected { get; private set; }

    public Decision? Decision { get; private set; }

    public DateOnly? RefusalNoticeIssuedOn { get; private set; }

    public IReadOnlyList<Guid> EnrolmentIds { get; private set; }

    public IReadOnlyList<VerificationResult> VerificationResults => verificationResults;

    public IReadOnlyList<HomeSurvey> Surveys => surveys;

    public IReadOnlyList<Objection> Objections => objections;

    public IReadOnlyList<CountyHomeVisit> CountyVisits => countyVisits;

    public IReadOnlyList<ConflictOfInterestMatch> Conflicts => conflicts;

    public bool ConflictOfInterestFlagged => conflicts.Count > 0;

    public IReadOnlyList<ApplicationEvent> History => history;

    /// <summary>Sources with no result yet (the latest result per source counts).</summary>
    public IReadOnlyList<VerificationSource> MissingVerificationSources =>
        Enum.GetValues<VerificationSource>().Where(s => verificationResults.All(r => r.Source != s)).ToList();

    /// <summary>The day the last missing source was answered: the county data check is complete.</summary>
    public DateOnly? VerificationCompletedOn =>
        MissingVerificationSources.Count == 0
            ? Enum.GetValues<VerificationSource>().Select(s => verificationResults.Where(r => r.Source == s).Min(r => r.RecordedOn)).Max()
            : null;

    public DateOnly? LastSurveyOn => surveys.Count == 0 ? null : surveys[^1].SurveyedOn;

    public static Application Submit(ApplicationSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        BusinessRules.Check(new ApplicantIsAMemberOfTheHousehold(submission.ApplicantStatus is not null));
        BusinessRules.Check(new ApplicantIsAPresentMember(submission.ApplicantStatus!.Value));
        BusinessRules.Check(new OneOpenApplicationPerHouseholdAndProgramme(submission.Programme, submission.OpenApplicationId is not null, submission.OpenApplicationId));
        BusinessRules.Check(new ApplicantIsRegisteredOrResidesInRegion(submission.HouseholdRegisteredInRegion, submission.ResidencePermit));
        var application = new Application(new ApplicationState
        {
            Id = submission.Id,
            RegionCode = submission.Region.Value,
            HouseholdId = submission.HouseholdId,
            ApplicantMemberId = submission.ApplicantMemberId,
            Programme = submission.Programme,
            Channel = submission.Channel,
            SignedCommitment = submission.SignedCommitment,
            ResidencePermit = submission.ResidencePermit && !submission.HouseholdRegisteredInRegion,
            SubmittedOn = submission.SubmittedOn,
            Status = ApplicationStatus.Submitted,
            Version = 0,
            Conflicts = [.. submission.Conflicts],
        });
        application.Record("Submitted", submission.SubmittedOn, submission.Actor, submission.Reason);
        if (application.ConflictOfInterestFlagged)
        {
            application.Record("ConflictOfInterestFlagged", submission.SubmittedOn, submission.Actor, "A member is a registered close relative of staff or a village cadre (R-21).");
        }

        return application;
    }

    public static Application Restore(ApplicationState state) => new(state ?? throw new ArgumentNullException(nameof(state)));

    /// <summary>受理.</summary>
    public void Accept(DateOnly today, string actor, string? reason)
    {
        Allow(ApplicationStep.Accept);
        AcceptedOn = today;
        Move(ApplicationStep.Accept);
        Record("Accepted", today, actor, reason);
    }

    /// <summary>The township asks the county for the economic-status check (家庭经济状况核对).</summary>
    public void RequestVerification(DateOnly today, string actor, string? reason)
    {
        Allow(ApplicationStep.RequestVerification);
        VerificationRequestedOn = today;
        Move(ApplicationStep.RequestVerification);
        Record("VerificationRequested", today, actor, reason);
    }

    /// <summary>A source's answer; may arrive any time until the decision. A later answer for a source supersedes it.</summary>
    public void RecordVerificationResult(VerificationSource source, VerificationOutcome outcome, string? details, DateOnly today, string actor, string? reason)
    {
        Allow(ApplicationStep.RecordVerificationResult);
        BusinessRules.Check(new DiscrepancyHasDetails(outcome, details));

        verificationResults.Add(new VerificationResult(source, outcome, details?.Trim(), today, actor));
        Record($"VerificationResultRecorded:{source}:{outcome}", today, actor, reason);
    }

    /// <summary>入户调查 by at least two investigators.</summary>
    public void RecordHomeSurvey(IReadOnlyList<string> investigators, string findings, DateOnly today, string actor, string? reason)
    {
        ArgumentNullException.ThrowIfNull(investigators);
        Allow(ApplicationStep.RecordHomeSurvey);
        BusinessRules.Check(new HomeSurveyHasAtLeastTwoInvestigators(investigators));
        surveys.Add(new HomeSurvey(today, [.. investigators.Select(i => i.Trim())], findings.Trim(), actor));
        Move(ApplicationStep.RecordHomeSurvey);
        Record("HomeSurveyRecorded", today, actor, reason);
    }

    /// <summary>公示 for 7 calendar days in the village or community.</summary>
    public void OpenPublicNotice(DateOnly today, string actor, string? reason)
    {
        Allow(ApplicationStep.OpenPublicNotice);
        NoticeOpenedOn = today;
        NoticeClosedOn = null;
        Move(ApplicationStep.OpenPublicNotice);
        Record("PublicNoticeOpened", today, actor, reason);
    }

    /// <summary>An objection during the notice: reopen the survey, or hold a democratic evaluation (民主评议).</summary>
    public void RecordObjection(string details, ObjectionResolution resolution, string? evaluationOutcome, DateOnly today, string actor, string? reason)
    {
        Allow(ApplicationStep.RecordObjection);
        BusinessRules.Check(new DemocraticEvaluationHasAnOutcome(resolution, evaluationOutcome));

        objections.Add(new Objection(today, details.Trim(), resolution, evaluationOutcome?.Trim(), actor));
        Record($"ObjectionRecorded:{resolution}", today, actor, reason);
        if (resolution == ObjectionResolution.ReopenSurvey)
        {
            // The survey is done again; a new notice follows it.
            NoticeOpenedOn = null;
            Allow(ApplicationStep.ReopenSurvey);
            Move(ApplicationStep.ReopenSurvey);
            Record("SurveyReopened", today, actor, reason);
        }
    }

    /// <summary>The notice has run its 7 days: the file goes to the county, whose decision limit starts.</summary>
    public void ClosePublicNotice(DateOnly today, string actor, string? reason, WorkingDayCalendar calendar, StatutoryTimeLimits limits)
    {
        Allow(ApplicationStep.ClosePublicNotice);
        BusinessRules.Check(new PublicNoticeRunsSevenDays(NoticeEndsOn(calendar, limits)!.Value, today));
        NoticeClosedOn = today;
        Move(ApplicationStep.ClosePublicNotice);
        Record("PublicNoticeClosed", today, actor, reason);
    }

    /// <summary>A county home visit (conflict-of-interest visit or random check).</summary>
    public void RecordCountyHomeVisit(
        bool visitorIsCountyOrAbove, CountyVisitPurpose purpose, IReadOnlyList<string> investigators, string findings, DateOnly today, string actor, string? reason)
    {
        ArgumentNullException.ThrowIfNull(investigators);
        BusinessRules.Check(new DecisionIsTakenAtCountyLevel(visitorIsCountyOrAbove));
        Allow(ApplicationStep.RecordCountyHomeVisit);
        BusinessRules.Check(new HomeSurveyHasAtLeastTwoInvestigators(investigators));
        countyVisits.Add(new CountyHomeVisit(today, purpose, [.. investigators.Select(i => i.Trim())], findings.Trim(), actor));
        Record($"CountyHomeVisitRecorded:{purpose}", today, actor, reason);
    }

    /// <summary>Picked for the county's ≥ 30 % random home checks of tekun cases.</summary>
    public void SelectForRandomCheck(DateOnly today, string actor, string? reason)
    {
        BusinessRules.Check(new RandomCheckIsOfATekunApplication(Programme));

        Allow(ApplicationStep.SelectForRandomCheck);
        if (RandomCheckSelected)
        {
            return;
        }

        RandomCheckSelected = true;
        Record("SelectedForRandomCheck", today, actor, reason);
    }

    /// <summary>Dibao: the whole process may be extended from 30 to 45 working days, with a reason.</summary>
    public void ExtendProcess(DateOnly today, string actor, string reason)
    {
        Allow(ApplicationStep.ExtendProcess);
        BusinessRules.Check(new ProcessIsExtendedAtMostOnce(Extended, Programme));
        Extended = true;
        Record("ProcessExtended", today, actor, reason);
    }

    /// <summary>
    /// The county approves. Checks 逢进必核, the conflict-of-interest visit and the random-check visit. The caller
    /// assesses the household (engine) and creates the enrolment in the same unit of work.
    /// </summary>
    public void Approve(bool deciderIsCountyOrAbove, DateOnly today, string actor, string? reason)
    {
        BusinessRules.Check(new DecisionIsTakenAtCountyLevel(deciderIsCountyOrAbove));
        BusinessRules.Check(new ApprovalRequiresVerificationResult(MissingVerificationSources));
        Allow(ApplicationStep.Approve);
        BusinessRules.Check(new ConflictOfInterestCaseHasCountyHomeVisit(
            ConflictOfInterestFlagged, countyVisits.Any(v => v.Purpose == CountyVisitPurpose.ConflictOfInterest)));
        BusinessRules.Check(new RandomlyCheckedCaseHasCountyHomeVisit(RandomCheckSelected, countyVisits.Count > 0));
        Decision = new Decision(DecisionKind.Approve, today, reason?.Trim() ?? string.Empty, actor);
        Move(ApplicationStep.Approve);
        Record("Approved", today, actor, reason);
    }

    /// <summary>The county rejects, with written reasons.</summary>
    public void Reject(bool deciderIsCountyOrAbove, string reasons, DateOnly today, string actor)
    {
        BusinessRules.Check(new DecisionIsTakenAtCountyLevel(deciderIsCountyOrAbove));
        Allow(ApplicationStep.Reject);
        BusinessRules.Check(new RejectionHasWrittenReasons(reasons));
        Decision = new Decision(DecisionKind.Reject, today, reasons.Trim(), actor);
        Move(ApplicationStep.Reject);
        Record("Rejected", today, actor, reasons);
    }

    /// <summary>
    /// Puts the household's assessment on the approval's event: the engine runs after the approval's checks passed (no
    /// assessment is spent on a refused approval), and the decision's record shows what it said.
    /// </summary>
    public void NoteApprovalAssessment(ApprovalAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var index = domainEvents.FindLastIndex(e => e is ApplicationDecided { Decision.Kind: DecisionKind.Approve });
        if (index < 0)
        {
            throw new InvalidOperationException("The assessment is noted on an approval taken by this command.");
        }

        domainEvents[index] = ((ApplicationDecided)domainEvents[index]) with { Assessment = assessment };
    }

    /// <summary>The written refusal notice (不予确认通知书) is issued to the applicant.</summary>
    public void IssueRefusalNotice(DateOnly today, string actor, string? reason)
    {
        Allow(ApplicationStep.IssueRefusalNotice);
        RefusalNoticeIssuedOn = today;
        Move(ApplicationStep.IssueRefusalNotice);
        Record("RefusalNoticeIssued", today, actor, reason);
    }

    /// <summary>The enrolment(s) founded on the approval exist: the case is closed as Enrolled.</summary>
    public void MarkEnrolled(IReadOnlyList<Guid> enrolmentIds, DateOnly today, string actor)
    {
        ArgumentNullException.ThrowIfNull(enrolmentIds);
        Allow(ApplicationStep.MarkEnrolled);
        EnrolmentIds = [.. enrolmentIds];
        Move(ApplicationStep.MarkEnrolled);
        Record("Enrolled", today, actor, $"Enrolment {string.Join(", ", enrolmentIds)} created from the approval (R-22).");
    }

    /// <summary>
    /// Each statutory time limit whose start is known, its due date, and whether it is met (domain.md §7). A year
    /// missing from the calendar throws <see cref="CalendarYearMissingException"/>.
    /// </summary>
    public IReadOnlyList<Deadline> Deadlines(WorkingDayCalendar calendar, StatutoryTimeLimits limits, DateOnly today) =>
        StatutoryDeadlines.Of(this, calendar, limits, today);

    public ApplicationState ToState() => new()
    {
        Id = Id,
        RegionCode = Region.Value,
        HouseholdId = HouseholdId,
        ApplicantMemberId = ApplicantMemberId,
        Programme = Programme,
        Channel = Channel,
        SignedCommitment = SignedCommitment,
        ResidencePermit = ResidencePermit,
        SubmittedOn = SubmittedOn,
        Status = Status,
        Version = Version,
        AcceptedOn = AcceptedOn,
        VerificationRequestedOn = VerificationRequestedOn,
        NoticeOpenedOn = NoticeOpenedOn,
        NoticeClosedOn = NoticeClosedOn,
        Extended = Extended,
        RandomCheckSelected = RandomCheckSelected,
        Decision = Decision,
        RefusalNoticeIssuedOn = RefusalNoticeIssuedOn,
        EnrolmentIds = [.. EnrolmentIds],
        VerificationResults = [.. verificationResults],
        Surveys = [.. surveys],
        Objections = [.. objections],
        CountyVisits = [.. countyVisits],
        Conflicts = [.. conflicts],
        History = [.. history],
    };

    /// <summary>Events raised since the aggregate was loaded or its events were last collected.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    public void ClearDomainEvents() => domainEvents.Clear();

    /// <summary>Called by the repository after a successful save.</summary>
    public void SetVersion(long version) => Version = version;

    private void Allow(ApplicationStep step)
    {
        var transition = ApplicationTransitionTable.Of(step);
        BusinessRules.Check(new TransitionIsAllowedFromCurrentStatus(transition.Action, Status, [.. transition.From]));
    }

    private void Move(ApplicationStep step) =>
        Status = ApplicationTransitionTable.Of(step).To ?? throw new InvalidOperationException($"{step} does not change the status.");

    private void Record(string action, DateOnly onDate, string actor, string? reason)
    {
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        history.Add(new ApplicationEvent(action, onDate, actor, trimmed));

        // The event keeps the caller's reason as given when the history drops a blank one (the audit row shows what was sent).
        var eventReason = trimmed ?? reason;
        var before = statusAtLastEvent;
        statusAtLastEvent = Status;
        domainEvents.Add(action switch
        {
            "Submitted" => new ApplicationSubmitted(Id, Region, onDate, actor, reason, Status, Programme, Channel, HouseholdId, ConflictOfInterestFlagged),
            "ConflictOfInterestFlagged" => new ApplicationConflictOfInterestFlagged(Id, Region, onDate, actor, eventReason, Status, [.. conflicts]),
            "SelectedForRandomCheck" => new ApplicationSelectedForRandomCheck(Id, Region, onDate, actor, eventReason, before, Status),
            "Approved" or "Rejected" => new ApplicationDecided(Id, Region, action, onDate, actor, eventReason, before, Status, Decision),
            "Enrolled" => new ApplicationEnrolled(Id, Region, onDate, actor, eventReason, before, Status, [.. EnrolmentIds]),
            _ => new ApplicationStepTaken(Id, Region, action, onDate, actor, eventReason, before, Status),
        });
    }
}
