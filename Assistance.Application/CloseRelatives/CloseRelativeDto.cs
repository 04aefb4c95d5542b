namespace Assistance.Application.CloseRelatives;

using StaffRole = Assistance.Domain.Applications.StaffRole;
using System.ComponentModel.DataAnnotations;
using Assistance.Domain.CloseRelatives;

/// <summary>近亲属备案: a close relative of a caseworker or village cadre, registered per region.</summary>
public sealed record CloseRelativeDto(
    Guid Id, [property: MaxLength(12)] string RegionCode, [property: MaxLength(100)] string StaffName, StaffRole StaffRole, [property: MaxLength(100)] string RelativeName,
    [property: MaxLength(18)] string RelativeIdNumber, [property: MaxLength(50)] string Relationship, DateOnly RegisteredOn)
{
    /// <summary>The registration in full (the caller masks it with <c>MaskedFor</c>).</summary>
    public static CloseRelativeDto From(CloseRelativeRegistration relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        return new(
            relative.Id, relative.Region.Value, relative.StaffName, relative.StaffRole, relative.RelativeName, relative.RelativeIdNumber.Value,
            relative.Relationship, relative.RegisteredOn);
    }
}
