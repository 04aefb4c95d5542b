namespace Assistance.Application.Applications;

using Assistance.Application.Abstractions;
using Assistance.Application.Households;

/// <summary>The workflow's view of the household register, read through the households module's own query port.</summary>
public sealed class RegisterHouseholdDirectory(IHouseholdQueries households) : IHouseholdDirectory
{
    public async Task<HouseholdInfo?> FindAsync(RegionScope scope, Guid householdId, CancellationToken cancellationToken)
    {
        var household = await households.GetAsync(scope, householdId, cancellationToken).ConfigureAwait(false);
        return household is null
            ? null
            : new HouseholdInfo(
                household.Id,
                household.Region,
                household.Members.Select(m => new HouseholdMemberInfo(m.Id, m.IdNumber.Value, m.Details.Name, m.Details.Status)).ToList());
    }
}
