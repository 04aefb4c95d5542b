namespace Assistance.Domain.Enrolments;

using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Households;

/// <summary>R-22; domain.md §4: a person is never enrolled in Dibao and Tekun at once.</summary>
public sealed class PersonIsNeverInDibaoAndTekunAtOnce(string idNumber, Programme programme, IReadOnlyList<ExistingEnrolment> existingActive) : IBusinessRule
{
    public string Code => "enrolment.dibao-and-tekun";

    public string Message => $"A covered person ({NationalId.Mask(idNumber)}) already holds an active {Other} enrolment: nobody is enrolled in Dibao and Tekun at once.";

    public string Source => "R-22; N-43 (特困人员不再纳入低保)";

    private Programme Other => programme == Programme.Tekun ? Programme.Dibao : Programme.Tekun;

    public bool IsBroken() =>
        programme is Programme.Dibao or Programme.Tekun
        && existingActive.Any(e => e.IdNumber == idNumber && e.Programme == Other);

}

/// <summary>R-22; R-61: one ID number is active in one household only.</summary>
public sealed class IdNumberIsActiveInOneHouseholdOnly(string idNumber, Guid householdId, IReadOnlyList<ExistingEnrolment> existingActive) : IBusinessRule
{
    public string Code => "enrolment.person-active-in-other-household";

    public string Message => $"A covered person ({NationalId.Mask(idNumber)}) is already active in an enrolment of another household.";

    public string Source => "R-22; R-61";

    public bool IsBroken() => existingActive.Any(e => e.IdNumber == idNumber && e.HouseholdId != householdId);
}

/// <summary>R-22: a person holds at most one active enrolment of a programme (no double enrolment from two approvals).</summary>
public sealed class PersonHoldsOneActiveEnrolmentPerProgramme(string idNumber, Programme programme, IReadOnlyList<ExistingEnrolment> existingActive) : IBusinessRule
{
    public string Code => "enrolment.already-enrolled";

    public string Message => $"A covered person ({NationalId.Mask(idNumber)}) already holds an active {programme} enrolment.";

    public string Source => "R-22";

    public bool IsBroken() => existingActive.Any(e => e.IdNumber == idNumber && e.Programme == programme);
}

/// <summary>R-22: an ended enrolment is never reactivated; a new application is needed.</summary>
public sealed class EndedEnrolmentIsNeverReactivated(EnrolmentStatus status, string action) : IBusinessRule
{
    public string Code => "enrolment.ended";

    public string Message => $"Cannot {action} an ended enrolment: it is never reactivated; the household applies again.";

    public string Source => "R-22";

    public bool IsBroken() => status == EnrolmentStatus.Ended;
}

/// <summary>R-23; S0 一; S1 一.3: every tekun enrolment says whether care is centralized or decentralized.</summary>
public sealed class TekunEnrolmentHasCareSetting(Programme programme, CareSetting? careSetting) : IBusinessRule
{
    public string Code => "enrolment.care-setting-missing";

    public string Message => "A tekun enrolment needs its care setting (Centralized 集中供养 or Decentralized 分散供养).";

    public string Source => "R-23; S0 一; S1 一.3";

    public bool IsBroken() => programme == Programme.Tekun && careSetting is null;
}

/// <summary>R-30: a review (核查) is recorded on an active enrolment (not suspended, in gradual exit, ended or awaiting a postponed termination).</summary>
public sealed class OnlyAnActiveEnrolmentIsReviewed(EnrolmentStatus status, bool terminationPending) : IBusinessRule
{
    public string Code => "review.enrolment-not-active";

    public string Message => terminationPending
        ? "This enrolment's termination is already decided and waits for the review moratorium to end (R-31); it is not reviewed again."
        : $"Only an active enrolment is reviewed; this one is {status}.";

    public string Source => "R-30; N-57 Art.31";

    public bool IsBroken() => status != EnrolmentStatus.Active || terminationPending;
}

/// <summary>R-30: a review is dated on or after the approval and never in the future (the facts are those of that day).</summary>
public sealed class ReviewDateIsWithinTheEnrolment(DateOnly reviewedOn, DateOnly approvedOn, DateOnly today) : IBusinessRule
{
    public string Code => "review.date-out-of-range";

    public string Message => $"The review date {reviewedOn:yyyy-MM-dd} must lie between the approval ({approvedOn:yyyy-MM-dd}) and today ({today:yyyy-MM-dd}).";

    public string Source => "R-30";

    public bool IsBroken() => reviewedOn < approvedOn || reviewedOn > today;
}
