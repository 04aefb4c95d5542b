namespace Assistance.Application.CloseRelatives.RegisterCloseRelative;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.CloseRelatives;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

public sealed class RegisterCloseRelativeHandler(
    ICloseRelativeRegister register, Regions.IRegionQueries regions, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RegisterCloseRelativeCommand, CloseRelativeDto>
{
    public async Task<CloseRelativeDto> Handle(RegisterCloseRelativeCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(RegionCode.Parse(request.RegionCode));
        var region = scope.Root;
        var inRegister = await regions.ExistsAsync(region, cancellationToken).ConfigureAwait(false);
        var relative = CloseRelative.Register(
            new CloseRelativeRegistration(
                Guid.CreateVersion7(), region, request.StaffName, request.StaffRole, request.RelativeName,
                NationalId.Parse(request.RelativeIdNumber, "relativeIdNumber"), request.Relationship, clock.Today()),
            inRegister, request.Reason);

        // Registered is audited from the aggregate's event (with the ID number masked), in this transaction.
        await register.AddAsync(scope, relative, cancellationToken).ConfigureAwait(false);
        return CloseRelativeDto.From(relative.ToRegistration()).MaskedFor(user);
    }
}
