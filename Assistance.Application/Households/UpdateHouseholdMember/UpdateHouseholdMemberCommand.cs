namespace Assistance.Application.Households.UpdateHouseholdMember;

using Assistance.Application.Common;
using Assistance.Application.Abstractions;

/// <summary>Updates one member (If-Match on the household); a masked or omitted idNumber keeps the stored one.</summary>
public sealed record UpdateHouseholdMemberCommand(Guid HouseholdId, Guid MemberId, IfMatch ExpectedVersion, HouseholdMemberInput Member) : ICommand<HouseholdDto>;
