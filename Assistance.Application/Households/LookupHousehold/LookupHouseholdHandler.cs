namespace Assistance.Application.Households.LookupHousehold;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Households;

public sealed class LookupHouseholdHandler(IHouseholdQueries households, ICurrentUser user) : IQueryHandler<LookupHouseholdQuery, HouseholdDto>
{
    public async Task<HouseholdDto> Handle(LookupHouseholdQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var idNumber = NationalId.Parse(request.IdNumber);
        var householdId = await households.FindHouseholdIdByIdNumberAsync(user.Scope, idNumber.Value, cancellationToken).ConfigureAwait(false);
        var household = householdId is { } id ? await households.GetAsync(user.Scope, id, cancellationToken).ConfigureAwait(false) : null;

        // Never the ID number in the message: the 404 detail reaches logs and clients.
        return household is not null
            ? household.ToDto(user)
            : throw new NotFoundException(HouseholdRegistration.EntityType, idNumber.Masked);
    }
}
