namespace Assistance.Domain.Enrolments;

using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Regions;

public enum EnrolmentStatus
{
    Active,
    Suspended,

    /// <summary>渐退期 (R-32).</summary>
    GradualExit,
    Ended,
}

/// <summary>Tekun care setting (R-23): 集中供养 or 分散供养.</summary>
public enum CareSetting
{
    Centralized,
    Decentralized,
}

/// <summary>A person covered by an enrolment (a dibao household's members, or the one tekun person).</summary>
public sealed record CoveredPerson(Guid MemberId, string IdNumber);

/// <summary>An active enrolment another person already holds, as the rules need to see it.</summary>
public sealed record ExistingEnrolment(Guid EnrolmentId, Programme Programme, Guid HouseholdId, string IdNumber);

/// <summary>
/// 救助对象 (R-22): created on approval, paying from the month after approval (N-57 Art.21). A household
/// enrolment (dibao, marginal, expenditure hardship) covers its members; a tekun enrolment covers one person.
/// </summary>
public sealed class Enrolment : IHasDomainEvents
{
    private readonly List<IDomainEvent> domainEvents = [];
    private readonly List<(Guid MemberId, DateOnly On)> coverageStopped = [];

    private Enrolment(EnrolmentState s)
    {
        Id = s.Id;
        Region = RegionCode.Parse(s.RegionCode);
        ApplicationId = s.ApplicationId;
        Programme = s.Programme;
        HouseholdId = s.HouseholdId;
        PersonMemberId = s.PersonMemberId;
        Covered = [.. s.Covered ?? []];
        MonthlyAmount = s.MonthlyAmount;
        DibaoClass = s.DibaoClass;
        ReviewIntervalMonths = s.ReviewIntervalMonths;
        NextReviewOn = s.NextReviewOn;
        StartMonth = s.StartMonth;
        Status = s.Status;
        CareSetting = s.CareSetting;
        ApprovedOn = s.ApprovedOn;
        EndedOn = s.EndedOn;
        GradualExitEndsOn = s.GradualExitEndsOn;
        TerminationPendingSince = s.TerminationPendingSince;
        Version = s.Version;
    }

    public Guid Id { get; }

    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    public RegionCode Region { get; }

    public Guid ApplicationId { get; }

    public Programme Programme { get; }

    public Guid HouseholdId { get; }

    /// <summary>The tekun person; null for a household enrolment.</summary>
    public Guid? PersonMemberId { get; }

    public IReadOnlyList<CoveredPerson> Covered { get; private set; }

    /// <summary>Persons this enrolment stopped covering since it was loaded, with the day (saved by the repository).</summary>
    public IReadOnlyList<(Guid MemberId, DateOnly On)> CoverageStopped => coverageStopped;

    public decimal MonthlyAmount { get; private set; }

    /// <summary>Dibao class A/B/C (S2), when the assessment gives one.</summary>
    public string? DibaoClass { get; }

    public int? ReviewIntervalMonths { get; private set; }

    /// <summary>When the next review (核查) falls due (R-30); null while in gradual exit or awaiting a postponed termination.</summary>
    public DateOnly? NextReviewOn { get; private set; }

    /// <summary>The last day of the gradual exit (渐退, R-32): the enrolment ends after it.</summary>
    public DateOnly? GradualExitEndsOn { get; private set; }

    /// <summary>
    /// The date of a review that decided Terminate while a review moratorium was in force (R-31): the enrolment stays
    /// active until the moratorium ends, then ends.
    /// </summary>
    public DateOnly? TerminationPendingSince { get; private set; }

    /// <summary>First day of the first paid month: the month after approval (N-57 Art.21).</summary>
    public DateOnly StartMonth { get; }

    public EnrolmentStatus Status { get; private set; }

    public CareSetting? CareSetting { get; }

    public DateOnly ApprovedOn { get; }

    public DateOnly? EndedOn { get; private set; }

    public long Version { get; private set; }

    public bool IsActive => Status != EnrolmentStatus.Ended;

    /// <summary>Creates the enrolment founded on an approval, checking R-22 against the persons' other active enrolments.</summary>
    public static Enrolment CreateOnApproval(
        Guid id,
        RegionCode region,
        Guid applicationId,
        Programme programme,
        Guid householdId,
        CoveredPerson? tekunPerson,
        IReadOnlyList<CoveredPerson> covered,
        decimal monthlyAmount,
        string? dibaoClass,
        int? reviewIntervalMonths,
        CareSetting? careSetting,
        DateOnly approvedOn,
        IReadOnlyList<ExistingEnrolment> existingActive)
    {
        ArgumentNullException.ThrowIfNull(covered);
        ArgumentNullException.ThrowIfNull(existingActive);
        Money.NonNegative(monthlyAmount, "monthlyAmount", "A monthly amount is a non-negative number of yuan with at most two decimals.");

        BusinessRules.Check(new TekunEnrolmentHasCareSetting(programme, careSetting));
        foreach (var person in covered)
        {
            BusinessRules.Check(new PersonIsNeverInDibaoAndTekunAtOnce(person.IdNumber, programme, existingActive));
            BusinessRules.Check(new IdNumberIsActiveInOneHouseholdOnly(person.IdNumber, householdId, existingActive));
            BusinessRules.Check(new PersonHoldsOneActiveEnrolmentPerProgramme(person.IdNumber, programme, existingActive));
        }

        var startMonth = new DateOnly(approvedOn.Year, approvedOn.Month, 1).AddMonths(1);
        var enrolment = new Enrolment(new EnrolmentState
        {
            Id = id,
            RegionCode = region.Value,
            ApplicationId = applicationId,
            Programme = programme,
            HouseholdId = householdId,
            PersonMemberId = tekunPerson?.MemberId,
            Covered = [.. covered],
            MonthlyAmount = monthlyAmount,
            DibaoClass = dibaoClass,
            ReviewIntervalMonths = reviewIntervalMonths,
            NextReviewOn = reviewIntervalMonths is { } months ? startMonth.AddMonths(months) : null,
            StartMonth = startMonth,
            Status = EnrolmentStatus.Active,
            CareSetting = programme == Programme.Tekun ? careSetting : null,
            ApprovedOn = approvedOn,
            Version = 0,
        });
        enrolment.domainEvents.Add(new EnrolmentStarted(
            enrolment.Id, enrolment.Region, enrolment.Programme, enrolment.HouseholdId, enrolment.Covered, approvedOn, $"Approval of application {applicationId} (R-22).",
            applicationId, enrolment.PersonMemberId, startMonth, monthlyAmount, dibaoClass, reviewIntervalMonths, enrolment.NextReviewOn, enrolment.CareSetting));
        return enrolment;
    }

    public static Enrolment Restore(EnrolmentState state) => new(state ?? throw new ArgumentNullException(nameof(state)));

    public void Suspend(DateOnly today, string? reason)
    {
        BusinessRules.Check(new EndedEnrolmentIsNeverReactivated(Status, "suspend"));
        Allow("suspend", EnrolmentStatus.Active, EnrolmentStatus.GradualExit);
        ChangeStatus("Suspend", EnrolmentStatus.Suspended, today, reason);
    }

    public void Resume(DateOnly today, string? reason)
    {
        BusinessRules.Check(new EndedEnrolmentIsNeverReactivated(Status, "resume"));
        Allow("resume", EnrolmentStatus.Suspended);
        ChangeStatus("Resume", EnrolmentStatus.Active, today, reason);
    }

    /// <summary>
    /// A gradual exit (渐退, R-32) started by a caseworker's decision on <paramref name="today"/>: the same length as a
    /// review's GradualExit outcome (<paramref name="gradualExitMaxMonths"/> = <c>dibao.gradualExit.maxMonths</c> for the
    /// region on that day), so the gradual-exit-ends job ends it when it has run its length.
    /// </summary>
    public void StartGradualExit(DateOnly today, string? reason, int gradualExitMaxMonths)
    {
        BusinessRules.Check(new EndedEnrolmentIsNeverReactivated(Status, "start a gradual exit for"));
        Allow("start a gradual exit", EnrolmentStatus.Active);
        BusinessRules.Check(new GradualExitHasALengthInForce(gradualExitMaxMonths));
        BeginGradualExit(today, gradualExitMaxMonths, today, reason);
    }

    /// <summary>R-32: the amount continues unchanged to the end of the start month plus the maximum months, then the enrolment ends.</summary>
    private void BeginGradualExit(DateOnly startedOn, int gradualExitMaxMonths, DateOnly today, string? reason)
    {
        GradualExitEndsOn = new DateOnly(startedOn.Year, startedOn.Month, 1).AddMonths(gradualExitMaxMonths + 1).AddDays(-1);
        NextReviewOn = null;
        ChangeStatus("StartGradualExit", EnrolmentStatus.GradualExit, today, reason);
    }

    public void End(DateOnly today, string? reason) => EndOn(today, today, reason);

    /// <summary>
    /// Records a review (核查, R-30) decided by <see cref="ReviewOutcomeRule"/>: Continue and Adjust set the next review
    /// date by the reassessed interval; GradualExit keeps the amount until the end of the review month plus
    /// <see cref="ReviewFindings.GradualExitMaxMonths"/> months (R-32); Terminate ends the enrolment on the review date,
    /// unless a review moratorium is in force (R-31): then the outcome is kept and the termination waits for its end.
    /// </summary>
    public EnrolmentReview RecordReview(
        Guid reviewId, Guid householdId, long householdVersion, DateOnly reviewedOn, ReviewFindings findings, bool moratoriumInForce, string? note, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(findings);
        BusinessRules.Check(new EndedEnrolmentIsNeverReactivated(Status, "review"));
        BusinessRules.Check(new OnlyAnActiveEnrolmentIsReviewed(Status, TerminationPendingSince is not null));
        BusinessRules.Check(new ReviewDateIsWithinTheEnrolment(reviewedOn, ApprovedOn, today));
        var decision = ReviewOutcomeRule.Decide(Programme, MonthlyAmount, findings);
        var amountBefore = MonthlyAmount;
        var nextReviewBefore = NextReviewOn;
        var reason = $"Review of {reviewedOn:yyyy-MM-dd}: {decision.Outcome} ({decision.Rule}; {decision.Source}). {decision.Explanation}";
        var firstOfMonth = new DateOnly(reviewedOn.Year, reviewedOn.Month, 1);
        DateOnly? effectiveMonth = null;
        var postponed = false;
        switch (decision.Outcome)
        {
            case ReviewOutcome.Continue:
            case ReviewOutcome.Adjust:
                if (decision.Outcome == ReviewOutcome.Adjust)
                {
                    effectiveMonth = firstOfMonth.AddMonths(1);
                    ChangeAmount(findings.ReassessedAmount, effectiveMonth.Value, today, reason);
                }

                ReviewIntervalMonths = findings.ReviewIntervalMonths ?? ReviewIntervalMonths;
                NextReviewOn = ReviewIntervalMonths is { } months ? reviewedOn.AddMonths(months) : null;
                break;
            case ReviewOutcome.GradualExit:
                BeginGradualExit(reviewedOn, findings.GradualExitMaxMonths, today, reason);
                break;
            default:
                NextReviewOn = null;
                if (moratoriumInForce)
                {
                    postponed = true;
                    TerminationPendingSince = reviewedOn;
                }
                else
                {
                    EndOn(reviewedOn, today, reason);
                }

                break;
        }

        var review = new EnrolmentReview(
            reviewId, Id, Region, householdId, householdVersion, reviewedOn, decision.Outcome, decision.Rule, decision.Source, decision.Explanation,
            findings.IncomeRiseFromEmployment, amountBefore, MonthlyAmount, effectiveMonth, GradualExitEndsOn, postponed, NextReviewOn, note, today);
        domainEvents.Add(new EnrolmentReviewed(Id, Region, Programme, HouseholdId, Covered, today, reason, review, nextReviewBefore));
        return review;
    }

    /// <summary>Ends a gradual exit that has run its length (R-32), on <paramref name="endedOn"/> (its last day, or the end of a moratorium that held it, R-31).</summary>
    public void CompleteGradualExit(DateOnly endedOn, DateOnly today)
    {
        Allow("complete the gradual exit of", EnrolmentStatus.GradualExit);
        GradualExitEndsOn ??= endedOn;
        EndOn(endedOn, today, $"Gradual exit ran its length to {GradualExitEndsOn:yyyy-MM-dd} (R-32; S0 一; S1 一.3; N-83).");
    }

    /// <summary>Applies a termination a review decided while a moratorium was in force, now that none is (R-31; S4 三).</summary>
    public void ApplyPostponedTermination(DateOnly endedOn, DateOnly today)
    {
        if (TerminationPendingSince is not { } since)
        {
            throw new BusinessRuleViolationException("enrolment.invalid-transition", "This enrolment has no postponed termination.", "R-31");
        }

        EndOn(endedOn, today, $"Termination decided by the review of {since:yyyy-MM-dd}, postponed by a review moratorium until it ended (R-30; R-31; S4 三).");
    }

    /// <summary>
    /// Ends the enrolment as of <paramref name="endedOn"/>, recorded <paramref name="today"/>: a life event reported late
    /// ends it on the day it happened (R-33; S0 二), so nothing is due for the months after; what was paid for them is an
    /// overpayment.
    /// </summary>
    public void End(DateOnly today, string? reason, DateOnly endedOn)
    {
        if (endedOn > today)
        {
            throw new DomainValidationException("endedOn", "An enrolment ends on a day that has come, not in the future.");
        }

        EndOn(endedOn, today, reason);
    }

    /// <summary>
    /// R-35 (N-57 Art.34): records a refusal of suitable work by a covered member; the refusal that completes the run of
    /// consecutive unjustified refusals cuts that member's share (<see cref="WorkRefusalCutsTheMembersShare"/>) from the
    /// month after the refusal. Returns the share cut, or null when the amount is unchanged.
    /// </summary>
    public decimal? RecordWorkRefusal(
        Guid refusalId, Guid memberId, DateOnly refusedOn, string offer, bool justified, int consecutiveUnjustifiedBefore, int refusalsToCut, int countedCoveredPersons,
        DateOnly today)
    {
        BusinessRules.Check(new EndedEnrolmentIsNeverReactivated(Status, "record a work refusal on"));
        BusinessRules.Check(new WorkRefusalMemberIsCovered(memberId, Covered));
        BusinessRules.Check(new WorkRefusalIsNotInTheFuture(refusedOn, today));
        var consecutive = justified ? 0 : consecutiveUnjustifiedBefore + 1;
        domainEvents.Add(new WorkRefusalRecorded(Id, Region, Programme, HouseholdId, Covered, today, offer, refusalId, memberId, refusedOn, justified, consecutive));
        if (!WorkRefusalCutsTheMembersShare.Cuts(justified, consecutive, refusalsToCut))
        {
            return null;
        }

        var share = WorkRefusalCutsTheMembersShare.Share(MonthlyAmount, countedCoveredPersons);
        ChangeAmount(MonthlyAmount - share, new DateOnly(refusedOn.Year, refusedOn.Month, 1).AddMonths(1), today,
            $"R-35 (N-57 Art.34): refusal {consecutive} of suitable work without justified reason by member {memberId}; that member's share ({share:0.00}) is cut.");
        return share;
    }

    /// <summary>A new monthly amount paid from <paramref name="effectiveMonth"/> (R-30 Adjust; R-33 reassessment after a life event).</summary>
    public void ChangeAmount(decimal newAmount, DateOnly effectiveMonth, DateOnly today, string? reason)
    {
        BusinessRules.Check(new EndedEnrolmentIsNeverReactivated(Status, "change the amount of"));
        Money.NonNegative(newAmount, "monthlyAmount", "A monthly amount is a non-negative number of yuan with at most two decimals.");
        if (newAmount == MonthlyAmount)
        {
            return;
        }

        var before = MonthlyAmount;
        MonthlyAmount = newAmount;
        domainEvents.Add(new EnrolmentAmountChanged(
            Id, Region, Programme, HouseholdId, Covered, today, reason, before, newAmount, new DateOnly(effectiveMonth.Year, effectiveMonth.Month, 1)));
    }

    /// <summary>
    /// R-33 (S0 二): a covered person who died is no longer covered by the enrolment that continues for the rest of the
    /// household, from <paramref name="occurredOn"/>. An enrolment that ends (a sole member, a tekun person) keeps whom it
    /// covered; an ended enrolment is history and is not changed. Unknown members change nothing.
    /// </summary>
    public void StopCovering(Guid memberId, DateOnly occurredOn, DateOnly today, string? reason)
    {
        if (Status == EnrolmentStatus.Ended || Covered.Count < 2 || Covered.FirstOrDefault(c => c.MemberId == memberId) is not { } person)
        {
            return;
        }

        Covered = [.. Covered.Where(c => c.MemberId != memberId)];
        coverageStopped.Add((memberId, occurredOn));
        domainEvents.Add(new EnrolmentCoverageStopped(Id, Region, Programme, HouseholdId, Covered, today, reason, person, occurredOn));
    }

    public void ClearDomainEvents() => domainEvents.Clear();

    private void EndOn(DateOnly endedOn, DateOnly today, string? reason)
    {
        BusinessRules.Check(new EndedEnrolmentIsNeverReactivated(Status, "end"));
        var before = Status;
        Status = EnrolmentStatus.Ended;
        EndedOn = endedOn;
        NextReviewOn = null;
        TerminationPendingSince = null;
        domainEvents.Add(new EnrolmentEnded(Id, Region, Programme, HouseholdId, Covered, today, reason, before, endedOn));
    }

    public EnrolmentState ToState() => new()
    {
        Id = Id,
        RegionCode = Region.Value,
        ApplicationId = ApplicationId,
        Programme = Programme,
        HouseholdId = HouseholdId,
        PersonMemberId = PersonMemberId,
        Covered = [.. Covered],
        MonthlyAmount = MonthlyAmount,
        DibaoClass = DibaoClass,
        ReviewIntervalMonths = ReviewIntervalMonths,
        NextReviewOn = NextReviewOn,
        StartMonth = StartMonth,
        Status = Status,
        CareSetting = CareSetting,
        ApprovedOn = ApprovedOn,
        EndedOn = EndedOn,
        GradualExitEndsOn = GradualExitEndsOn,
        TerminationPendingSince = TerminationPendingSince,
        Version = Version,
    };

    public void SetVersion(long version) => Version = version;

    private void ChangeStatus(string action, EnrolmentStatus after, DateOnly today, string? reason)
    {
        var before = Status;
        Status = after;
        domainEvents.Add(new EnrolmentStatusChanged(Id, Region, Programme, HouseholdId, Covered, action, today, reason, before, after));
    }

    private void Allow(string action, params EnrolmentStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new BusinessRuleViolationException(
                "enrolment.invalid-transition", $"Cannot {action} an enrolment that is {Status}; it needs {string.Join(" or ", allowed)}.", "R-22");
        }
    }
}

public sealed class EnrolmentState
{
    public Guid Id { get; init; }

    public string RegionCode { get; init; } = string.Empty;

    public Guid ApplicationId { get; init; }

    public Programme Programme { get; init; }

    public Guid HouseholdId { get; init; }

    public Guid? PersonMemberId { get; init; }

    public IReadOnlyList<CoveredPerson>? Covered { get; init; }

    public decimal MonthlyAmount { get; init; }

    public string? DibaoClass { get; init; }

    public int? ReviewIntervalMonths { get; init; }

    public DateOnly? NextReviewOn { get; init; }

    public DateOnly StartMonth { get; init; }

    public EnrolmentStatus Status { get; init; }

    public CareSetting? CareSetting { get; init; }

    public DateOnly ApprovedOn { get; init; }

    public DateOnly? EndedOn { get; init; }

    public DateOnly? GradualExitEndsOn { get; init; }

    public DateOnly? TerminationPendingSince { get; init; }

    public long Version { get; init; }
}
