namespace Assistance.Application.Assessments;

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Assistance.Application.Common;
using Assistance.Application.Policy;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;

/// <summary>A disability certificate: category and grade (1 = most severe … 4).</summary>
/// <param name="Category">Physical, Intellectual, Mental, Visual, Hearing, Speech or Multiple.</param>
/// <param name="Grade">1 to 4.</param>
public sealed record DisabilityDto(DisabilityCategory Category, [property: Range(1, 4)] int Grade);

/// <param name="Type">Income type; some are excluded from the income tests by date .</param>
/// <param name="MonthlyAmount">Yuan per month, ≥ 0.</param>
/// <param name="Unstable">Irregular income: makes a dibao unit Unstable .</param>
public sealed record IncomeDto(IncomeType Type, [property: Range(0, 99999999.99)] decimal MonthlyAmount, bool Unstable = false);

/// <summary>One household member as the engine sees them (domain.md §1).</summary>
/// <param name="IdNumber">Optional 18-character national ID (GB 11643); must agree with birthDate when both are given.</param>
/// <param name="BirthDate">Required when idNumber is absent.</param>
/// <param name="Status">Only Present members are counted .</param>
/// <param name="LaborCapacity">Full, Partial or None.</param>
/// <param name="Disability">Disability certificate, or null.</param>
/// <param name="SeriousIllness">Serious illness (重病).</param>
/// <param name="SelfCare">SelfCare, PartialCare or FullCare (N-43 Art.20–23).</param>
/// <param name="InSchool">In school.</param>
/// <param name="Employed">Employed (employment cost deduction applies to wages).</param>
/// <param name="HasCapableSupporter">A legal supporter able to support exists (赡养/抚养/扶养义务人有履行能力).</param>
/// <param name="Incomes">Monthly income items.</param>
/// <param name="TekunSince">Start of the member's current tekun enrolment, or null: decides the R-34 continuation after the minor age limit (N-43). Filled from the active enrolment for a stored household.</param>
public sealed record AssessmentMemberDto(
    [property: MaxLength(18)] string? IdNumber = null,
    DateOnly? BirthDate = null,
    MemberStatus Status = MemberStatus.Present,
    LaborCapacity LaborCapacity = LaborCapacity.Full,
    DisabilityDto? Disability = null,
    bool SeriousIllness = false,
    SelfCareLevel SelfCare = SelfCareLevel.SelfCare,
    bool InSchool = false,
    bool Employed = false,
    bool HasCapableSupporter = false,
    [property: MaxLength(20)] IReadOnlyList<IncomeDto>? Incomes = null,
    DateOnly? TekunSince = null);

/// <param name="Financial">Financial assets in yuan.</param>
/// <param name="MotorVehicles">Number of non-exempt motor vehicles.</param>
public sealed record AssetsDto([property: Range(0, 999999999999.99)] decimal Financial, [property: Range(0, 100)] int MotorVehicles);

/// <summary>A household snapshot to assess (api.md, POST /api/v1/assessments). Nothing is stored.</summary>
/// <param name="RegionCode">Any region in the register (province or city codes are accepted for what-if use).</param>
/// <param name="AsOf">The date assessed: parameters in force on this date apply, ages are whole years at this date.</param>
/// <param name="Residence">Urban or Rural: picks the standard (N-43 Art.19).</param>
/// <param name="Members">1 to 30 members.</param>
/// <param name="Assets">Household assets.</param>
/// <param name="MonthlyRigidExpenditure">Monthly rigid expenditure (medical, education…) for the expenditure routes .</param>
/// <param name="ParameterOverrides">What-if values replacing resolved parameters for this call only (null = unset).</param>
public sealed record AssessmentRequest(
    [property: Required, MaxLength(12)] string RegionCode,
    DateOnly AsOf,
    ResidenceType Residence,
    [property: Required, MinLength(1), MaxLength(30)] IReadOnlyList<AssessmentMemberDto> Members,
    AssetsDto? Assets = null,
    [property: Range(0, 99999999.99)] decimal MonthlyRigidExpenditure = 0,
    [property: MaxLength(100)] IReadOnlyDictionary<string, JsonElement>? ParameterOverrides = null);

/// <param name="Key">Parameter key.</param>
/// <param name="Value">The value read.</param>
/// <param name="RegionCode">Region the value came from, or "override".</param>
/// <param name="EffectiveFrom">When that value took effect; null for overrides.</param>
/// <param name="Source">Document and clause, or "parameterOverrides".</param>
/// <param name="Residence">The residence type the value is limited to (Urban or Rural); null = a value for both.</param>
public sealed record TraceParameterDto(
    [property: MaxLength(100)] string Key,
    object? Value,
    [property: MaxLength(12)] string RegionCode,
    DateOnly? EffectiveFrom,
    [property: MaxLength(500)] string Source,
    ResidenceType? Residence);

/// <param name="Rule">Rule id, e.g. R-12.</param>
/// <param name="Name">Stable rule name, e.g. tekun.basic-standard.</param>
/// <param name="Source">Clauses the rule implements.</param>
/// <param name="Passed">Whether the test passed.</param>
/// <param name="Detail">The computation in words and numbers.</param>
/// <param name="Parameters">Every parameter the rule read, with where it came from.</param>
public sealed record TraceEntryDto(
    [property: MaxLength(10)] string Rule,
    [property: MaxLength(100)] string Name,
    [property: MaxLength(200)] string Source,
    bool Passed,
    [property: MaxLength(4000)] string Detail,
    [property: MaxLength(100)] IReadOnlyList<TraceParameterDto> Parameters);

/// <param name="Index">Position of the member in the request.</param>
/// <param name="Outcome">The member's own outcome.</param>
/// <param name="MonthlyAmount">Member's own cash; null for members of a dibao unit (the household amount carries it).</param>
/// <param name="Counted">Counted in the household (status Present, R-01).</param>
/// <param name="TekunBasic">Tekun basic standard, for tekun members.</param>
/// <param name="TekunCare">Tekun care standard, for tekun members.</param>
public sealed record MemberAssessmentDto(
    [property: Range(0, 29)] int Index,
    AssessmentOutcome Outcome,
    decimal? MonthlyAmount,
    bool Counted,
    decimal? TekunBasic,
    decimal? TekunCare);

/// <summary>The assessment result with its full trace (api.md).</summary>
/// <param name="RegionCode">Region assessed.</param>
/// <param name="AsOf">Date assessed.</param>
/// <param name="Outcome">Household outcome: the highest of its members' .</param>
/// <param name="MonthlyAmount">Tekun amounts + dibao unit amount + single-person amounts.</param>
/// <param name="DibaoClass">A, B or C when the non-tekun members form an eligible dibao unit.</param>
/// <param name="Stability">Stable or Unstable when there is a dibao unit.</param>
/// <param name="ReviewIntervalMonths">Shortest review interval among cash-granting units; null when nothing is granted.</param>
/// <param name="Members">Per-member outcomes, in request order.</param>
/// <param name="Trace">Every rule evaluated, in order.</param>
public sealed record AssessmentResponse(
    [property: MaxLength(12)] string RegionCode,
    DateOnly AsOf,
    AssessmentOutcome Outcome,
    decimal MonthlyAmount,
    DibaoClass? DibaoClass,
    Stability? Stability,
    [property: Range(1, 120)] int? ReviewIntervalMonths,
    [property: MaxLength(30)] IReadOnlyList<MemberAssessmentDto> Members,
    [property: MaxLength(500)] IReadOnlyList<TraceEntryDto> Trace)
{
    public static AssessmentResponse From(AssessmentResult result, TraceDetail detail = TraceDetail.Full)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new AssessmentResponse(
            result.RegionCode,
            result.AsOf,
            result.Outcome,
            Money.TwoDecimals(result.MonthlyAmount),
            result.DibaoClass,
            result.Stability,
            result.ReviewIntervalMonths,
            result.Members.Select(m => new MemberAssessmentDto(m.Index, m.Outcome, Money.TwoDecimals(m.MonthlyAmount), m.Counted,
                Money.TwoDecimals(m.TekunBasic), Money.TwoDecimals(m.TekunCare))).ToList(),
            detail switch
            {
                TraceDetail.None => [],
                TraceDetail.Summary => result.Trace.Select(t => new TraceEntryDto(t.Rule, t.Name, t.Source, t.Passed, t.Detail, [])).ToList(),
                _ => result.Trace.Select(t => new TraceEntryDto(t.Rule, t.Name, t.Source, t.Passed, t.Detail,
                    t.Parameters.Select(p => new TraceParameterDto(p.Key, p.Value.ToClrValue(), p.RegionCode, p.EffectiveFrom, p.Source, p.Residence)).ToList())).ToList(),
            });
    }
}
