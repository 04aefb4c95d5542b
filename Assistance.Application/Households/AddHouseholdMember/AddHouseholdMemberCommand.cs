namespace Assistance.Application.Households.AddHouseholdMember;

using Assistance.Application.Common;
using Assistance.Application.Abstractions;

/// <summary>Adds a member to a household (If-Match on the household); the new member is last in the list.</summary>
public sealed record AddHouseholdMemberCommand(Guid HouseholdId, IfMatch ExpectedVersion, HouseholdMemberInput Member) : ICommand<HouseholdDto>;
