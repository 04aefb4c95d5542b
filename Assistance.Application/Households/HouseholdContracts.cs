namespace Assistance.Application.Households;

using System.ComponentModel.DataAnnotations;
using Assistance.Domain.Households;

// The household representation (what GET returns and PUT accepts) and the input shapes. Inputs use nullable
// types so that a missing required field is a 400 naming it rather than a silent default. The DataAnnotations only
// declare limits in the OpenAPI contract; the validators enforce them.

/// <summary>A household in the register (家庭) with its members.</summary>
/// <param name="Id">Household id.</param>
/// <param name="RegionCode">Region the household is registered in (6, 9 or 12 digits).</param>
/// <param name="Residence">Urban or Rural; picks the standard (N-43 Art.19).</param>
/// <param name="Address">Registered address.</param>
/// <param name="Assets">Financial assets (yuan) and motor vehicles.</param>
/// <param name="MonthlyRigidExpenditure">Monthly rigid expenditure in yuan (medical, education, …).</param>
/// <param name="Version">Version; the ETag is this number in quotes.</param>
/// <param name="Members">Members in register order.</param>
/// <param name="CreatedAt">When the household was registered.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record HouseholdDto(
    Guid Id,
    [property: MaxLength(12)] string RegionCode,
    ResidenceType Residence,
    [property: MaxLength(500)] string Address,
    HouseholdAssetsDto Assets,
    [property: Range(0, 9999999999.99)] decimal MonthlyRigidExpenditure,
    [property: Range(1, 9007199254740991)] long Version,
    [property: MaxLength(30)] IReadOnlyList<HouseholdMemberDto> Members,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Household assets used by the assets test.</summary>
/// <param name="Financial">Financial assets in yuan.</param>
/// <param name="MotorVehicles">Number of motor vehicles.</param>
public sealed record HouseholdAssetsDto([property: Range(0, 999999999999.99)] decimal Financial, [property: Range(0, 1000)] int MotorVehicles);

/// <summary>A household member (家庭成员).</summary>
/// <param name="Id">Member id (stable across changes).</param>
/// <param name="IdNumber">National ID number, masked (<c>320682********123X</c>) unless the caller holds pii.read.</param>
/// <param name="Name">Name.</param>
/// <param name="Relationship">Relationship to the household head.</param>
/// <param name="BirthDate">Birth date, from the ID number.</param>
/// <param name="Sex">Sex, from the ID number.</param>
/// <param name="Status">Member status; only Present members are counted .</param>
/// <param name="LaborCapacity">Labour capacity.</param>
/// <param name="Disability">Disability certificate, or null.</param>
/// <param name="SeriousIllness">Serious illness (重病).</param>
/// <param name="SelfCare">Self-care level.</param>
/// <param name="InSchool">In school.</param>
/// <param name="Employed">Employed.</param>
/// <param name="HasCapableSupporter">A legal supporter able to support exists.</param>
/// <param name="Incomes">Monthly income items.</param>
public sealed record HouseholdMemberDto(
    Guid Id,
    [property: MaxLength(18)] string IdNumber,
    [property: MaxLength(100)] string Name,
    Relationship Relationship,
    DateOnly BirthDate,
    Sex Sex,
    MemberStatus Status,
    LaborCapacity LaborCapacity,
    MemberDisabilityDto? Disability,
    bool SeriousIllness,
    SelfCareLevel SelfCare,
    bool InSchool,
    bool Employed,
    bool HasCapableSupporter,
    [property: MaxLength(20)] IReadOnlyList<MemberIncomeDto> Incomes);

/// <summary>Disability certificate.</summary>
/// <param name="Category">Disability category.</param>
/// <param name="Grade">Grade 1 (most severe) to 4.</param>
public sealed record MemberDisabilityDto(DisabilityCategory Category, [property: Range(1, 4)] int Grade);

/// <summary>One monthly income item.</summary>
/// <param name="Type">Income type.</param>
/// <param name="MonthlyAmount">Monthly amount in yuan.</param>
/// <param name="Unstable">Irregular income .</param>
public sealed record MemberIncomeDto(IncomeType Type, [property: Range(0, 9999999999.99)] decimal MonthlyAmount, bool Unstable);

/// <summary>
/// A household as sent by a client: the body of create and replace. Replace accepts the representation GET returns;
/// its id, version, createdAt and updatedAt are ignored.
/// </summary>
/// <param name="RegionCode">Region to register the household in; must exist and lie in the caller's region.</param>
/// <param name="Residence">Urban or Rural.</param>
/// <param name="Address">Registered address.</param>
/// <param name="Members">1 to 30 members.</param>
/// <param name="Assets">Assets; zero when omitted.</param>
/// <param name="MonthlyRigidExpenditure">Monthly rigid expenditure in yuan; zero when omitted.</param>
public sealed record HouseholdInput(
    [property: Required, MaxLength(12)] string? RegionCode = null,
    [property: Required] ResidenceType? Residence = null,
    [property: Required, MaxLength(500)] string? Address = null,
    [property: Required, MinLength(1), MaxLength(30)] IReadOnlyList<HouseholdMemberInput>? Members = null,
    AssetsInput? Assets = null,
    [property: Range(0, 9999999999.99)] decimal? MonthlyRigidExpenditure = null);

/// <summary>Assets as sent by a client.</summary>
/// <param name="Financial">Financial assets in yuan (two decimals at most); zero when omitted.</param>
/// <param name="MotorVehicles">Motor vehicles; zero when omitted.</param>
public sealed record AssetsInput([property: Range(0, 999999999999.99)] decimal? Financial = null, [property: Range(0, 1000)] int? MotorVehicles = null);

/// <summary>
/// A member as sent by a client. Only idNumber, name and relationship are required for a new member; the rest
/// default to status Present, laborCapacity Full, selfCare SelfCare, no disability, false flags and no incomes.
/// </summary>
/// <param name="Id">Existing member id (replace only); omit for a new member.</param>
/// <param name="IdNumber">National ID number (18 characters, lowercase x accepted). On replace and update a masked or omitted number keeps the stored one.</param>
/// <param name="Name">Name.</param>
/// <param name="Relationship">Relationship to the household head.</param>
/// <param name="BirthDate">Optional; must agree with the ID number.</param>
/// <param name="Sex">Optional; must agree with the ID number.</param>
/// <param name="Status">Member status (default Present).</param>
/// <param name="LaborCapacity">Labour capacity (default Full).</param>
/// <param name="Disability">Disability certificate, or null.</param>
/// <param name="SeriousIllness">Serious illness (default false).</param>
/// <param name="SelfCare">Self-care level (default SelfCare).</param>
/// <param name="InSchool">In school (default false).</param>
/// <param name="Employed">Employed (default false).</param>
/// <param name="HasCapableSupporter">A capable legal supporter exists (default false).</param>
/// <param name="Incomes">Up to 20 monthly income items (default none).</param>
public sealed record HouseholdMemberInput(
    Guid? Id = null,
    [property: MaxLength(18)] string? IdNumber = null,
    [property: Required, MaxLength(100)] string? Name = null,
    [property: Required] Relationship? Relationship = null,
    DateOnly? BirthDate = null,
    Sex? Sex = null,
    MemberStatus? Status = null,
    LaborCapacity? LaborCapacity = null,
    DisabilityInput? Disability = null,
    bool? SeriousIllness = null,
    SelfCareLevel? SelfCare = null,
    bool? InSchool = null,
    bool? Employed = null,
    bool? HasCapableSupporter = null,
    [property: MaxLength(20)] IReadOnlyList<IncomeInput>? Incomes = null);

/// <summary>Disability certificate as sent by a client.</summary>
/// <param name="Category">Disability category.</param>
/// <param name="Grade">Grade 1 to 4.</param>
public sealed record DisabilityInput([property: Required] DisabilityCategory? Category = null, [property: Required, Range(1, 4)] int? Grade = null);

/// <summary>Income item as sent by a client.</summary>
/// <param name="Type">Income type.</param>
/// <param name="MonthlyAmount">Monthly amount in yuan, at least 0, two decimals at most.</param>
/// <param name="Unstable">Irregular income (default false).</param>
public sealed record IncomeInput(
    [property: Required] IncomeType? Type = null,
    [property: Required, Range(0, 9999999999.99)] decimal? MonthlyAmount = null,
    bool? Unstable = null);

/// <summary>The fields every household command carries (create and replace share their validation).</summary>
public interface IHouseholdFields
{
    string? RegionCode { get; }

    ResidenceType? Residence { get; }

    string? Address { get; }

    IReadOnlyList<HouseholdMemberInput>? Members { get; }

    AssetsInput? Assets { get; }

    decimal? MonthlyRigidExpenditure { get; }
}
