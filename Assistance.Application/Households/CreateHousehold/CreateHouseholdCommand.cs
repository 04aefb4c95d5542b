namespace Assistance.Application.Households.CreateHousehold;

using Assistance.Application.Abstractions;

/// <summary>Registers a household with its members (POST /api/v1/households).</summary>
public sealed record CreateHouseholdCommand(HouseholdInput Request) : HouseholdFieldsCommand(Request), ICommand<HouseholdDto>
{
    public static CreateHouseholdCommand From(HouseholdInput input) => new(input ?? throw new ArgumentNullException(nameof(input)));
}
