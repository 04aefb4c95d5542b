namespace Assistance.Application.Households.ReplaceHousehold;

using Assistance.Application.Abstractions;
using Assistance.Application.Regions;
using Assistance.Domain.Common;
using Assistance.Domain.Regions;

public sealed class ReplaceHouseholdHandler(
    IHouseholdRepository households, IRegionQueries regions, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReplaceHouseholdCommand, HouseholdDto>
{
    public async Task<HouseholdDto> Handle(ReplaceHouseholdCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var household = await HouseholdRegistration.LoadForChangeAsync(households, user, request.Id, request.ExpectedVersion, cancellationToken)
            .ConfigureAwait(false);
        var region = RegionCode.Parse(request.Request.RegionCode);
        if (region != household.Region)
        {
            await HouseholdRegistration.EnsureRegionWritableAsync(region, regions, user, cancellationToken).ConfigureAwait(false);
        }

        var members = request.Request.Members!.Select((m, i) =>
        {
            var existing = m.Id is { } memberId
                ? household.FindMember(memberId) ?? throw new DomainValidationException($"members[{i}].id", $"Member {memberId} is not a member of this household; omit id for a new member.")
                : null;
            return (Id: existing?.Id ?? Guid.CreateVersion7(), Details: m.ToDetails(m.ResolveIdNumber(existing, $"members[{i}].")));
        }).ToList();

        household.Replace(
            region,
            request.Request.Residence!.Value,
            request.Request.Address!.Trim(),
            request.Request.Assets.ToAssets(),
            HouseholdMapping.Money(request.Request.MonthlyRigidExpenditure ?? 0m),
            members);
        var now = HouseholdRegistration.Now(clock);
        await HouseholdRegistration.WriteAsync(households, user, household, () => households.UpdateAsync(user.Scope, household, now, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return household.ToDto(user);
    }
}
