namespace Assistance.Domain.Applications;

/// <summary>The assistance programme applied for .</summary>
public enum Programme
{
    /// <summary>最低生活保障 (N-57).</summary>
    Dibao,

    /// <summary>特困人员救助供养 (N-43).</summary>
    Tekun,

    /// <summary>低保边缘家庭 (N-57 Art.8).</summary>
    DibaoMarginal,

    /// <summary>刚性支出困难家庭 (N-2025).</summary>
    ExpenditureHardship,
}

/// <summary>How the application reached the office .</summary>
public enum ApplicationChannel
{
    Window,
    Online,

    /// <summary>主动发现.</summary>
    ActiveDiscovery,
    PartnerReferral,
}

/// <summary>
/// Lifecycle: Submitted → Accepted → Verifying (家庭经济状况核对 requested) → Surveyed (入户调查) →
/// PublicNotice (公示) → AwaitingDecision (file with the county) → Approved → Enrolled, or Rejected →
/// RefusalNotified. An objection may send a case under notice back to Verifying for a new survey.
/// </summary>
public enum ApplicationStatus
{
    Submitted,
    Accepted,
    Verifying,
    Surveyed,
    PublicNotice,
    AwaitingDecision,
    Approved,
    Rejected,
    RefusalNotified,
    Enrolled,
}

/// <summary>The data sources of the county's economic-status check (家庭经济状况核对).</summary>
public enum VerificationSource
{
    Bank,
    RealEstate,
    Vehicles,
    BusinessRegistration,
    SocialInsurance,
}

public enum VerificationOutcome
{
    Pass,
    Discrepancy,
}

/// <summary>What an objection during the public notice leads to .</summary>
public enum ObjectionResolution
{
    /// <summary>The survey is done again, then a new notice.</summary>
    ReopenSurvey,

    /// <summary>民主评议 is held and its outcome recorded; the notice continues.</summary>
    DemocraticEvaluation,
}

public enum DecisionKind
{
    Approve,
    Reject,
}

/// <summary>Why the county visited the home.</summary>
public enum CountyVisitPurpose
{
    /// <summary>Required before approval of a case flagged for a registered close relative .</summary>
    ConflictOfInterest,

    /// <summary>The county's ≥ 30 % random home checks of tekun cases (R-20; N-43).</summary>
    RandomCheck,
}

/// <summary>Statutory time limits of domain.md §7 .</summary>
public enum DeadlineStep
{
    /// <summary>Dibao: start verification within 3 working days of acceptance.</summary>
    StartVerification,

    /// <summary>Dibao: county data check within 3 working days of the request.</summary>
    DataCheck,

    /// <summary>Tekun: investigation (check and home survey) within 15 working days of acceptance.</summary>
    Investigation,

    /// <summary>County decision: 10 (dibao) or 15 (tekun) working days after receiving the file.</summary>
    Decision,

    /// <summary>Refusal notice within 3 working days of a rejection.</summary>
    RefusalNotice,

    /// <summary>Dibao: whole process within 30 working days of acceptance, 45 when extended.</summary>
    WholeProcess,
}

public enum DeadlineState
{
    /// <summary>Not completed, still within the limit.</summary>
    Pending,

    /// <summary>Completed on or before the due date.</summary>
    Met,

    /// <summary>Completed after the due date.</summary>
    Late,

    /// <summary>Not completed and the due date has passed.</summary>
    Overdue,
}
