namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Policy;

/// <summary>
/// Outcome of a member or household, highest first (R-19; domain.md §3 step 7): the household takes the
/// highest of its members' outcomes in this order.
/// </summary>
public enum AssessmentOutcome
{
    /// <summary>特困人员.</summary>
    Tekun,

    /// <summary>低保.</summary>
    Dibao,

    /// <summary>单人保: one member enrolled alone from a marginal household .</summary>
    DibaoSinglePerson,

    /// <summary>刚性支出困难家庭 (R-16, N-2025).</summary>
    ExpenditureHardship,

    /// <summary>低保边缘家庭 .</summary>
    DibaoMarginal,
    NotEligible,
}

/// <summary>Dibao class (S2 二(四)): A and B stable, C unstable .</summary>
public enum DibaoClass
{
    A,
    B,
    C,
}

/// <summary>Stability of a dibao unit's situation (R-15; S0 二; S2 二(四)).</summary>
public enum Stability
{
    Stable,
    Unstable,
}

/// <summary>The engine's answer, shaped like the api.md response.</summary>
public sealed record AssessmentResult(
    string RegionCode,
    DateOnly AsOf,
    AssessmentOutcome Outcome,
    decimal MonthlyAmount,
    DibaoClass? DibaoClass,
    Stability? Stability,
    int? ReviewIntervalMonths,
    IReadOnlyList<MemberResult> Members,
    IReadOnlyList<TraceEntry> Trace);

/// <summary>
/// One member's outcome. <see cref="MonthlyAmount"/> is null for a member of an eligible dibao unit (the
/// household amount carries it), the member's own cash otherwise (0.00 when none).
/// </summary>
public sealed record MemberResult(
    int Index,
    AssessmentOutcome Outcome,
    decimal? MonthlyAmount,
    bool Counted,
    decimal? TekunBasic,
    decimal? TekunCare);

/// <summary>
/// One evaluated rule: its R-id, a stable name, the source clause, whether it passed, a human-readable
/// detail, and every parameter value it read with where that value came from.
/// </summary>
public sealed record TraceEntry(
    string Rule,
    string Name,
    string Source,
    bool Passed,
    string Detail,
    IReadOnlyList<ResolvedParameter> Parameters);
