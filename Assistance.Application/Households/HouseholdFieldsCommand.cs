namespace Assistance.Application.Households;

using Assistance.Domain.Households;

/// <summary>
/// What create and replace both carry: the household as sent (<see cref="Request"/>, whose declared limits are the
/// contract's), seen by the shared validation as <see cref="IHouseholdFields"/>.
/// </summary>
public abstract record HouseholdFieldsCommand(HouseholdInput Request) : IHouseholdFields
{
    string? IHouseholdFields.RegionCode => Request.RegionCode;

    ResidenceType? IHouseholdFields.Residence => Request.Residence;

    string? IHouseholdFields.Address => Request.Address;

    IReadOnlyList<HouseholdMemberInput>? IHouseholdFields.Members => Request.Members;

    AssetsInput? IHouseholdFields.Assets => Request.Assets;

    decimal? IHouseholdFields.MonthlyRigidExpenditure => Request.MonthlyRigidExpenditure;
}
