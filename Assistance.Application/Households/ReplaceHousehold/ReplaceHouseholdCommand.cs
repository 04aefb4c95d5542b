namespace Assistance.Application.Households.ReplaceHousehold;

using Assistance.Application.Common;
using Assistance.Application.Abstractions;
using Assistance.Domain.Households;

/// <summary>
/// Replaces a household with the representation GET returns (PUT /api/v1/households/{id}, If-Match). Members are
/// matched by id; members without id are new; members left out are removed.
/// </summary>
public sealed record ReplaceHouseholdCommand(
    Guid Id,
    IfMatch ExpectedVersion,
    string? RegionCode,
    ResidenceType? Residence,
    string? Address,
    IReadOnlyList<HouseholdMemberInput>? Members,
    AssetsInput? Assets,
    decimal? MonthlyRigidExpenditure) : ICommand<HouseholdDto>, IHouseholdFields
{
    public static ReplaceHouseholdCommand From(Guid id, IfMatch expectedVersion, HouseholdInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new(id, expectedVersion, input.RegionCode, input.Residence, input.Address, input.Members, input.Assets, input.MonthlyRigidExpenditure);
    }
}
