namespace Assistance.Application.Households.AddHouseholdMember;

using Assistance.Application.Abstractions;

public sealed class AddHouseholdMemberHandler(IHouseholdRepository households, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AddHouseholdMemberCommand, HouseholdDto>
{
    public async Task<HouseholdDto> Handle(AddHouseholdMemberCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var household = await HouseholdRegistration.LoadForChangeAsync(households, user, request.HouseholdId, request.ExpectedVersion, cancellationToken)
            .ConfigureAwait(false);
        household.AddMember(Guid.CreateVersion7(), request.Member.ToDetails(request.Member.ResolveIdNumber(null, string.Empty)));
        var now = HouseholdRegistration.Now(clock);
        await HouseholdRegistration.WriteAsync(households, user, household, () => households.UpdateAsync(user.Scope, household, now, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return household.ToDto(user);
    }
}
