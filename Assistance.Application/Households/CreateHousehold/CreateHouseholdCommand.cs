namespace Assistance.Application.Households.CreateHousehold;

using Assistance.Application.Abstractions;
using Assistance.Domain.Households;

/// <summary>Registers a household with its members (POST /api/v1/households).</summary>
public sealed record CreateHouseholdCommand(
    string? RegionCode,
    ResidenceType? Residence,
    string? Address,
    IReadOnlyList<HouseholdMemberInput>? Members,
    AssetsInput? Assets,
    decimal? MonthlyRigidExpenditure) : ICommand<HouseholdDto>, IHouseholdFields
{
    public static CreateHouseholdCommand From(HouseholdInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new(input.RegionCode, input.Residence, input.Address, input.Members, input.Assets, input.MonthlyRigidExpenditure);
    }
}
