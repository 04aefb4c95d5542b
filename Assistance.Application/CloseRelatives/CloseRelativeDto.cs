namespace Assistance.Application.CloseRelatives;

using StaffRole = Assistance.Domain.Applications.StaffRole;
using System.ComponentModel.DataAnnotations;

/// <summary>近亲属备案: a close relative of a caseworker or village cadre, registered per region.</summary>
public sealed record CloseRelativeDto(
    Guid Id, [property: MaxLength(12)] string RegionCode, [property: MaxLength(100)] string StaffName, StaffRole StaffRole, [property: MaxLength(100)] string RelativeName,
    [property: MaxLength(18)] string RelativeIdNumber, [property: MaxLength(50)] string Relationship, DateOnly RegisteredOn);
