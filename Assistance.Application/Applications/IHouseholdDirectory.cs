namespace Assistance.Application.Applications;

using Assistance.Application.Abstractions;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>A household of the register as the workflow needs it (read from the household register's tables).</summary>
public sealed record HouseholdInfo(Guid Id, RegionCode Region, IReadOnlyList<HouseholdMemberInfo> Members);

public sealed record HouseholdMemberInfo(Guid Id, string IdNumber, string Name, MemberStatus Status);

/// <summary>Read access to the household register (owned by the households module).</summary>
public interface IHouseholdDirectory
{
    Task<HouseholdInfo?> FindAsync(RegionScope scope, Guid householdId, CancellationToken cancellationToken);
}
