namespace Assistance.Domain.Applications;

using Assistance.Domain.Common;
using Assistance.Domain.Households;

// Business rules of the application workflow, each named after its invariant, with R-id and clause.

/// <summary>R-20: a transition is only possible from the statuses the lifecycle allows.</summary>
public sealed class TransitionIsAllowedFromCurrentStatus(string action, ApplicationStatus current, params ApplicationStatus[] allowed) : IBusinessRule
{
    public string Code => "application.invalid-transition";

    public string Message => $"'{action}' is not possible while the application is {current}; it needs {string.Join(" or ", allowed)}.";

    public string Source => "R-20; domain.md §4";

    public bool IsBroken() => !allowed.Contains(current);
}

/// <summary>R-20; N-57 Art.4-5; S2 一(二): the applicant applies where the household is registered, or where they hold a residence permit.</summary>
public sealed class ApplicantIsRegisteredOrResidesInRegion(bool registeredInRegion, bool holdsResidencePermit) : IBusinessRule
{
    public string Code => "application.applicant-not-in-region";

    public string Message => "The applicant's household is not registered in this region and no residence permit (居住证) for it was declared.";

    public string Source => "R-20; N-57 Art.4-5; S2 一(二)";

    public bool IsBroken() => !registeredInRegion && !holdsResidencePermit;
}

/// <summary>R-20; S0 二 "逢进必核": no approval without a recorded result from every verification source.</summary>
public sealed class ApprovalRequiresVerificationResult(IReadOnlyCollection<VerificationSource> missing) : IBusinessRule
{
    public string Code => "application.verification-missing";

    public string Message => $"No approval without the economic-status check (逢进必核): no result recorded yet for {string.Join(", ", missing)}.";

    public string Source => "R-20; S0 二";

    public bool IsBroken() => missing.Count > 0;
}

/// <summary>R-20; N-57 (入户调查), N-43: the home survey is made by at least two investigators.</summary>
public sealed class HomeSurveyHasAtLeastTwoInvestigators(IReadOnlyCollection<string> investigators) : IBusinessRule
{
    public string Code => "application.survey-needs-two-investigators";

    public string Message => $"A home survey (入户调查) needs at least two investigators; {investigators.Count} given.";

    public string Source => "R-20; N-57 入户调查; N-43";

    public bool IsBroken() => investigators.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).Count() < 2;
}

/// <summary>R-20, R-50; domain.md §7: the public notice runs its calendar days (start day not counted, a rest-day end moves to the next working day) before the file goes to the county.</summary>
public sealed class PublicNoticeRunsSevenDays(DateOnly endsOn, DateOnly today) : IBusinessRule
{
    public string Code => "application.notice-period-running";

    public string Message => $"The public notice (公示) runs until {endsOn:yyyy-MM-dd} inclusive (Civil Code Art. 201–203); it can be closed from {endsOn.AddDays(1):yyyy-MM-dd}.";

    public string Source => "R-20, R-50; N-57 公示; N-43; Civil Code Art. 201–203";

    public bool IsBroken() => today <= endsOn;
}

/// <summary>R-20; N-57, N-43: a refusal states its reasons in writing.</summary>
public sealed class RejectionHasWrittenReasons(string? reasons) : IBusinessRule
{
    public string Code => "application.rejection-needs-reasons";

    public string Message => "A rejection must give written reasons (书面说明理由).";

    public string Source => "R-20; N-57 不予确认书面说明理由; N-43";

    public bool IsBroken() => string.IsNullOrWhiteSpace(reasons);
}

/// <summary>R-21; N-57 Art.11, 20; S0 九; S4 五: a case with a registered close relative needs a county home visit before approval.</summary>
public sealed class ConflictOfInterestCaseHasCountyHomeVisit(bool flagged, bool visited) : IBusinessRule
{
    public string Code => "application.conflict-of-interest-visit-missing";

    public string Message => "A member of this household is a registered close relative of staff or a village cadre (近亲属备案): the county must record a home visit before approval.";

    public string Source => "R-21; N-57 Art.11, 20; S0 九; S4 五";

    public bool IsBroken() => flagged && !visited;
}

/// <summary>R-20; domain.md §7; N-43: a tekun case picked for the county's ≥ 30 % random home checks is visited before approval.</summary>
public sealed class RandomlyCheckedCaseHasCountyHomeVisit(bool selected, bool visited) : IBusinessRule
{
    public string Code => "application.random-check-visit-missing";

    public string Message => "This tekun case was selected for the county's random home check (≥ 30 % 抽查): record the county home visit before approval.";

    public string Source => "R-20; N-43 (≥30% 抽查)";

    public bool IsBroken() => selected && !visited;
}

/// <summary>R-20; N-57, N-43 (县级民政部门审核确认): the decision (审核确认) is the county's, not a township's or a village's.</summary>
public sealed class DecisionIsTakenAtCountyLevel(bool deciderIsCountyOrAbove) : IBusinessRule
{
    public string Code => "application.decision-needs-county";

    public string Message => "Only the county civil-affairs department (or above) decides on an application; a township or village account cannot.";

    public string Source => "R-20; N-57; N-43";

    public bool IsBroken() => !deciderIsCountyOrAbove;
}

/// <summary>R-50; domain.md §7; N-57: the whole dibao process may be extended once, from 30 to 45 working days.</summary>
public sealed class ProcessIsExtendedAtMostOnce(bool alreadyExtended, Programme programme) : IBusinessRule
{
    public string Code => "application.extension-not-allowed";

    public string Message => programme == Programme.Tekun
        ? "Tekun applications have no whole-process extension (N-43: investigation 15, decision 15 working days)."
        : "The process was already extended to 45 working days; it cannot be extended again.";

    public string Source => "R-50; N-57 (30, extendable to 45 working days)";

    public bool IsBroken() => alreadyExtended || programme == Programme.Tekun;
}

/// <summary>R-20; N-57 Art.4: the applicant is a member of the household that applies.</summary>
public sealed class ApplicantIsAMemberOfTheHousehold(bool applicantIsMember) : IBusinessRule
{
    public string Code => "application.applicant-not-a-member";

    public string Message => "The applicant must be a member of the applying household.";

    public string Source => "R-20; N-57 Art.4";

    public bool IsBroken() => !applicantIsMember;
}

/// <summary>R-20; R-01: the applicant is a living, present member.</summary>
public sealed class ApplicantIsAPresentMember(MemberStatus applicantStatus) : IBusinessRule
{
    public string Code => "application.applicant-not-present";

    public string Message => $"The applicant must be a living, present member (status is {applicantStatus}).";

    public string Source => "R-20; R-01";

    public bool IsBroken() => applicantStatus != MemberStatus.Present;
}

/// <summary>
/// R-20: a household has at most one open application per programme. The open application's id is named when known
/// (the database's unique index is the backstop for two submissions at once, and knows no id).
/// </summary>
public sealed class OneOpenApplicationPerHouseholdAndProgramme(Programme programme, bool anotherIsOpen, Guid? openApplicationId = null) : IBusinessRule
{
    public string Code => "application.already-open";

    public string Message => openApplicationId is { } open
        ? $"The household already has an open {programme} application ({open})."
        : $"The household already has an open {programme} application.";

    public string Source => "R-20";

    public bool IsBroken() => anotherIsOpen;
}

/// <summary>R-20: a discrepancy found by a verification source says what differs from the declaration.</summary>
public sealed class DiscrepancyHasDetails(VerificationOutcome outcome, string? details) : IBusinessRule
{
    public string Code => "application.discrepancy-needs-details";

    public string Message => "A discrepancy must describe what differs from the declaration.";

    public string Source => "R-20";

    public bool IsBroken() => outcome == VerificationOutcome.Discrepancy && string.IsNullOrWhiteSpace(details);
}

/// <summary>R-20; N-57 民主评议: a democratic evaluation records its outcome.</summary>
public sealed class DemocraticEvaluationHasAnOutcome(ObjectionResolution resolution, string? evaluationOutcome) : IBusinessRule
{
    public string Code => "application.evaluation-outcome-missing";

    public string Message => "A democratic evaluation (民主评议) must record its outcome.";

    public string Source => "R-20";

    public bool IsBroken() => resolution == ObjectionResolution.DemocraticEvaluation && string.IsNullOrWhiteSpace(evaluationOutcome);
}

/// <summary>R-20; N-43: the county's random home checks (抽查) are of tekun applications.</summary>
public sealed class RandomCheckIsOfATekunApplication(Programme programme) : IBusinessRule
{
    public string Code => "application.random-check-tekun-only";

    public string Message => "Random county home checks apply to tekun applications.";

    public string Source => "R-20; N-43";

    public bool IsBroken() => programme != Programme.Tekun;
}
