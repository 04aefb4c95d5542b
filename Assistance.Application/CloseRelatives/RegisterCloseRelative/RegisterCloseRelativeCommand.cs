namespace Assistance.Application.CloseRelatives.RegisterCloseRelative;

using StaffRole = Assistance.Domain.Applications.StaffRole;
using Assistance.Application.Abstractions;

public sealed record RegisterCloseRelativeCommand(
    string RegionCode, string StaffName, StaffRole StaffRole, string RelativeName, string RelativeIdNumber, string Relationship, string? Reason)
    : ICommand<CloseRelativeDto>;
