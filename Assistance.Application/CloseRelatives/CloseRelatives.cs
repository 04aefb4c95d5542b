namespace Assistance.Application.CloseRelatives;

using System.ComponentModel.DataAnnotations;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using FluentValidation;

public enum StaffRole
{
    /// <summary>民政经办人员.</summary>
    Caseworker,

    /// <summary>村（居）委会干部.</summary>
    VillageCadre,
}

/// <summary>近亲属备案: a close relative of a caseworker or village cadre, registered per region.</summary>
public sealed record CloseRelativeDto(
    Guid Id, [property: MaxLength(12)] string RegionCode, [property: MaxLength(100)] string StaffName, StaffRole StaffRole, [property: MaxLength(100)] string RelativeName,
    [property: MaxLength(18)] string RelativeIdNumber, [property: MaxLength(50)] string Relationship, DateOnly RegisteredOn);

public interface ICloseRelativeRegister
{
    Task AddAsync(RegionScope scope, CloseRelativeDto relative, CancellationToken cancellationToken);

    Task<IReadOnlyList<CloseRelativeDto>> ListAsync(RegionScope scope, CancellationToken cancellationToken);
}

public sealed record RegisterCloseRelativeCommand(
    string RegionCode, string StaffName, StaffRole StaffRole, string RelativeName, string RelativeIdNumber, string Relationship, string? Reason)
    : ICommand<CloseRelativeDto>;

public sealed class RegisterCloseRelativeValidator : AbstractValidator<RegisterCloseRelativeCommand>
{
    public RegisterCloseRelativeValidator()
    {
        RuleFor(c => c.RegionCode).Must(c => Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
        RuleFor(c => c.StaffName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.StaffRole).IsInEnum();
        RuleFor(c => c.RelativeName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.RelativeIdNumber).Must(n => NationalId.TryParse(n, out _)).WithMessage("relativeIdNumber is not a valid ID number (GB 11643).");
        RuleFor(c => c.Relationship).NotEmpty().MaximumLength(50);
        RuleFor(c => c.Reason).MaximumLength(2000);
    }
}

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
        return Mask(dto, user);
    }

    internal static CloseRelativeDto Mask(CloseRelativeDto dto, ICurrentUser user) =>
        user.HasScope("pii.read") ? dto : dto with { RelativeIdNumber = NationalId.Parse(dto.RelativeIdNumber).Masked };
}

public sealed record ListCloseRelativesQuery(string? RegionCode) : IQuery<IReadOnlyList<CloseRelativeDto>>;

public sealed class ListCloseRelativesValidator : AbstractValidator<ListCloseRelativesQuery>
{
    public ListCloseRelativesValidator() =>
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
}

public sealed class ListCloseRelativesHandler(ICloseRelativeRegister register, ICurrentUser user) : IQueryHandler<ListCloseRelativesQuery, IReadOnlyList<CloseRelativeDto>>
{
    public async Task<IReadOnlyList<CloseRelativeDto>> Handle(ListCloseRelativesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = scope.Root;

        var rows = await register.ListAsync(scope, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => RegisterCloseRelativeHandler.Mask(r, user)).ToList();
    }
}
