namespace Assistance.Application.Households.RemoveHouseholdMember;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class RemoveHouseholdMemberHandler(IHouseholdRepository households, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RemoveHouseholdMemberCommand, HouseholdDto>
{
    public async Task<HouseholdDto> Handle(RemoveHouseholdMemberCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var household = await HouseholdRegistration.LoadForChangeAsync(households, user, request.HouseholdId, request.ExpectedVersion, cancellationToken)
            .ConfigureAwait(false);
        if (household.FindMember(request.MemberId) is null)
        {
            throw new NotFoundException("HouseholdMember", request.MemberId.ToString());
        }

        household.RemoveMember(request.MemberId);
        var now = HouseholdRegistration.Now(clock);
        await households.UpdateAsync(user.Scope, household, now, cancellationToken).ConfigureAwait(false);
        return household.ToDto(user);
    }
}
