namespace Assistance.Application.Households.UpdateHouseholdMember;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class UpdateHouseholdMemberHandler(IHouseholdRepository households, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateHouseholdMemberCommand, HouseholdDto>
{
    public async Task<HouseholdDto> Handle(UpdateHouseholdMemberCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var household = await HouseholdRegistration.LoadForChangeAsync(households, user, request.HouseholdId, request.ExpectedVersion, cancellationToken)
            .ConfigureAwait(false);
        var existing = household.FindMember(request.MemberId) ?? throw new NotFoundException("HouseholdMember", request.MemberId.ToString());
        household.UpdateMember(existing.Id, request.Member.ToDetails(request.Member.ResolveIdNumber(existing, string.Empty)));
        var now = HouseholdRegistration.Now(clock);
        await HouseholdRegistration.WriteAsync(households, user, household, () => households.UpdateAsync(user.Scope, household, now, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return household.ToDto(user);
    }
}
