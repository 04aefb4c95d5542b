namespace Assistance.Application.Households.GetHousehold;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetHouseholdHandler(IHouseholdQueries households, ICurrentUser user) : IQueryHandler<GetHouseholdQuery, HouseholdDto>
{
    public async Task<HouseholdDto> Handle(GetHouseholdQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var household = await households.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false);
        return household is not null
            ? household.ToDto(user)
            : throw new NotFoundException(HouseholdRegistration.EntityType, request.Id.ToString());
    }
}
