namespace Assistance.Application.CloseRelatives.RegisterCloseRelative;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

public sealed class RegisterCloseRelativeHandler(
    ICloseRelativeRegister register, Regions.IRegionQueries regions, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RegisterCloseRelativeCommand, CloseRelativeDto>
{
    public async Task<CloseRelativeDto> Handle(RegisterCloseRelativeCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(RegionCode.Parse(request.RegionCode));
        var region = scope.Root;

        if (!await regions.ExistsAsync(region, cancellationToken).ConfigureAwait(false))
        {
            throw new Domain.Common.DomainValidationException("regionCode", $"Region {region} is not in the register.");
        }

        var id = NationalId.Parse(request.RelativeIdNumber, "relativeIdNumber");
        var dto = new CloseRelativeDto(
            Guid.CreateVersion7(), region.Value, request.StaffName.Trim(), request.StaffRole, request.RelativeName.Trim(), id.Value, request.Relationship.Trim(),
            clock.Today());
        await register.AddAsync(scope, dto, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry("CloseRelative", dto.Id.ToString(), "Registered", region, null, dto with { RelativeIdNumber = id.Masked }, request.Reason),
            cancellationToken).ConfigureAwait(false);
        return dto.MaskedFor(user);
    }
}
