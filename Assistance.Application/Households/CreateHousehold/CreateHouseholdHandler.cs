namespace Assistance.Application.Households.CreateHousehold;

using Assistance.Application.Abstractions;
using Assistance.Application.Regions;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

public sealed class CreateHouseholdHandler(
    IHouseholdRepository households, IRegionQueries regions, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateHouseholdCommand, HouseholdDto>
{
    public async Task<HouseholdDto> Handle(CreateHouseholdCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var region = RegionCode.Parse(request.RegionCode);
        await HouseholdRegistration.EnsureRegionWritableAsync(region, regions, user, cancellationToken).ConfigureAwait(false);

        var members = request.Members!
            .Select((m, i) => (Id: Guid.CreateVersion7(), Details: m.ToDetails(m.ResolveIdNumber(null, $"members[{i}]."))))
            .ToList();
        var household = Household.Register(
            Guid.CreateVersion7(),
            region,
            request.Residence!.Value,
            request.Address!.Trim(),
            request.Assets.ToAssets(),
            HouseholdMapping.Money(request.MonthlyRigidExpenditure ?? 0m),
            members,
            HouseholdRegistration.Now(clock));

        await HouseholdRegistration.WriteAsync(households, user, household, () => households.AddAsync(user.Scope, household, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return household.ToDto(user);
    }
}
