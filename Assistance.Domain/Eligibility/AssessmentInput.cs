namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>
/// A household snapshot to assess on a date in a region (api.md <c>POST /api/v1/assessments</c>).
/// Validated by the engine; field paths in errors follow the request (<c>members[0].birthDate</c>).
/// </summary>
public sealed record AssessmentInput
{
    public required RegionCode Region { get; init; }

    /// <summary>The date D of the assessment; ages are whole years at D.</summary>
    public required DateOnly AsOf { get; init; }

    public required ResidenceType Residence { get; init; }

    public required IReadOnlyList<MemberInput> Members { get; init; }

    public HouseholdAssets Assets { get; init; } = new(0m, 0);

    /// <summary>Monthly rigid expenditure of the household (刚性支出), for the expenditure routes .</summary>
    public decimal MonthlyRigidExpenditure { get; init; }
}

/// <summary>One household member (家庭成员) as the rules see them (domain.md §1).</summary>
public sealed record MemberInput
{
    /// <summary>Optional 18-character ID number; when given it must be valid and agree with <see cref="BirthDate"/>.</summary>
    public string? IdNumber { get; init; }

    /// <summary>Required when <see cref="IdNumber"/> is absent.</summary>
    public DateOnly? BirthDate { get; init; }

    public MemberStatus Status { get; init; } = MemberStatus.Present;

    public LaborCapacity LaborCapacity { get; init; } = LaborCapacity.Full;

    public Disability? Disability { get; init; }

    /// <summary>重病.</summary>
    public bool SeriousIllness { get; init; }

    public SelfCareLevel SelfCare { get; init; } = SelfCareLevel.SelfCare;

    public bool InSchool { get; init; }

    public bool Employed { get; init; }

    /// <summary>A legal supporter able to support exists (赡养/抚养/扶养义务人有履行能力).</summary>
    public bool HasCapableSupporter { get; init; }

    public IReadOnlyList<IncomeItem> Incomes { get; init; } = [];

    /// <summary>
    /// Start of the member's current tekun enrolment, null when not enrolled as tekun. Decides the R-34 continuation
    /// of a minor after tekun.minorAgeLimit (N-43): a first application after the limit is not a continuation.
    /// </summary>
    public DateOnly? TekunSince { get; init; }
}

/// <summary>Household assets: financial assets in yuan and the number of non-exempt motor vehicles.</summary>
public sealed record HouseholdAssets(decimal Financial, int MotorVehicles);
