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

/// <summary>
/// R-32 (S0 一; S1 一.3; N-83): a gradual exit runs for <c>dibao.gradualExit.maxMonths</c> (region and date); where none
/// is in force (unset or 0) there is no gradual exit to start, so it is refused rather than left without an end.
/// </summary>
public sealed class GradualExitHasALengthInForce(int gradualExitMaxMonths) : IBusinessRule
{
    public string Code => "enrolment.gradual-exit-not-in-force";

    public string Message => "No gradual exit is in force for the enrolment's region today (dibao.gradualExit.maxMonths is unset or 0): end or suspend the enrolment instead.";

    public string Source => "R-32; S0 一; S1 一.3; N-83";

    public bool IsBroken() => gradualExitMaxMonths <= 0;
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

/// <summary>R-35 (N-57 Art.34): a work refusal is recorded for a person the enrolment covers.</summary>
public sealed class WorkRefusalMemberIsCovered(Guid memberId, IReadOnlyList<CoveredPerson> covered) : IBusinessRule
{
    public string Code => "work-refusal.member-not-covered";

    public string Message => "The member is not covered by this enrolment: a refusal of suitable work is recorded on the enrolment that pays the member.";

    public string Source => "R-35; N-57 Art.34";

    public bool IsBroken() => covered.All(c => c.MemberId != memberId);
}

/// <summary>R-35: a refusal is recorded once it has happened.</summary>
public sealed class WorkRefusalIsNotInTheFuture(DateOnly refusedOn, DateOnly today) : IBusinessRule
{
    public string Code => "work-refusal.in-the-future";

    public string Message => $"The refusal is dated {refusedOn:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}).";

    public string Source => "R-35";

    public bool IsBroken() => refusedOn > today;
}

/// <summary>
/// R-35; N-57 Art.34 ("连续3次拒绝接受介绍的与其健康状况、劳动能力等相适应的工作的，减发或者停发其本人的最低生活保障金"): the
/// refusal that makes <c>dibao.workRefusal.consecutiveRefusalsToCut</c> consecutive refusals without justified reason
/// (a justified refusal ends the run) cuts the member's own share once. The member's share (本人的低保金) is the
/// enrolment's monthly amount divided by the covered persons still counted, rounded to the fen half away from
/// zero; the household keeps the rest.
/// </summary>
public static class WorkRefusalCutsTheMembersShare
{
    public const string Rule = "R-35";
    public const string Source = "N-57 Art.34";

    public static bool Cuts(bool justified, int consecutiveUnjustified, int refusalsToCut) => !justified && consecutiveUnjustified == refusalsToCut;

    public static decimal Share(decimal monthlyAmount, int countedCoveredPersons) =>
        countedCoveredPersons <= 1 ? monthlyAmount : Money.RoundToFen(monthlyAmount / countedCoveredPersons).Yuan;
}

/// <summary>
/// R-34; N-43 (特困人员认定办法: 未满18周岁…年满18周岁仍在接受义务教育或者在普通高中、中等职业学校就读的，可继续享有): a person
/// enrolled in tekun as a minor stops being a minor on reaching <c>tekun.minorAgeLimit</c>; support ends then unless
/// they are recorded as in school (the member's in-school attribute, the one the engine reads) while
/// <c>tekun.continueInSchoolAfterMinorAge</c> holds, or they hold a qualifying disability (another tekun category).
/// </summary>
public sealed class TekunMinorSupportEndsAtTheMinorAgeLimit(
    DateOnly birthDate, DateOnly approvedOn, DateOnly asOf, int minorAgeLimit, bool continueInSchool, bool inSchool, Disability? disability) : IBusinessRule
{
    public string Code => "enrolment.tekun-minor-age-limit";

    public string Message => $"The tekun minor reached the minor age limit ({minorAgeLimit}) on {LimitReachedOn:yyyy-MM-dd} and is not recorded as in school.";

    public string Source => "R-34; N-43";

    public DateOnly LimitReachedOn => birthDate.AddYears(minorAgeLimit);

    /// <summary>Broken = support ends.</summary>
    public bool IsBroken() =>
        approvedOn < LimitReachedOn && LimitReachedOn <= asOf && !(continueInSchool && inSchool) && !Eligibility.MemberPredicates.HasQualifyingDisability(new Eligibility.MemberInput { Disability = disability });
}
