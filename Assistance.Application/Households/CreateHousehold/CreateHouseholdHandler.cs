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
        var region = RegionCode.Parse(request.Request.RegionCode);
        await HouseholdRegistration.EnsureRegionWritableAsync(region, regions, user, cancellationToken).ConfigureAwait(false);

        var members = request.Request.Members!
            .Select((m, i) => (Id: Guid.CreateVersion7(), Details: m.ToDetails(m.ResolveIdNumber(null, $"members[{i}]."))))
            .ToList();
        var household = Household.Register(
            Guid.CreateVersion7(),
            region,
            request.Request.Residence!.Value,
            request.Request.Address!.Trim(),
            request.Request.Assets.ToAssets(),
            HouseholdMapping.Money(request.Request.MonthlyRigidExpenditure ?? 0m),
            members,
            HouseholdRegistration.Now(clock));

        await HouseholdRegistration.WriteAsync(households, user, household, () => households.AddAsync(user.Scope, household, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return household.ToDto(user);
    }
}
