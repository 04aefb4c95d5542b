namespace Assistance.Application.Households.RemoveHouseholdMember;

using Assistance.Application.Common;
using Assistance.Application.Abstractions;

/// <summary>Removes one member (If-Match on the household); the last member cannot be removed.</summary>
public sealed record RemoveHouseholdMemberCommand(Guid HouseholdId, Guid MemberId, IfMatch ExpectedVersion) : ICommand<HouseholdDto>;
