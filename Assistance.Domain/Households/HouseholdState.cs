namespace Assistance.Domain.Households;

using Assistance.Domain.Regions;

/// <summary>A household as persistence stores it and as its events carry it: fields, version, times and members in register order.</summary>
public sealed record HouseholdState(
    Guid Id,
    RegionCode Region,
    ResidenceType Residence,
    string Address,
    AssetHoldings Assets,
    decimal MonthlyRigidExpenditure,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<(Guid Id, MemberDetails Details)> Members);
