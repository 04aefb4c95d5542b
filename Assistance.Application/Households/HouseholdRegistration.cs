namespace Assistance.Application.Households;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Regions;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>Steps the household commands share: access checks, the R-22 check around writes, timestamps.</summary>
public static class HouseholdRegistration
{
    public const string EntityType = "Household";

    /// <summary>
    /// A region the caller may register households in: outside their subtree → 404 region.not-found (whether or not
    /// it exists, so nothing leaks); inside but not in the register → 400 naming regionCode.
    /// </summary>
    public static async Task EnsureRegionWritableAsync(RegionCode region, IRegionQueries regions, ICurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(user);
        user.Scope.Require(region);
        if (!await regions.ExistsAsync(region, cancellationToken).ConfigureAwait(false))
        {
            throw new DomainValidationException("regionCode", $"Region '{region.Value}' is not in the region register.");
        }
    }

    /// <summary>Loads a household for a change: 404 when unknown or outside the caller's region, 412 when If-Match is stale.</summary>
    public static async Task<Household> LoadForChangeAsync(
        IHouseholdRepository households, ICurrentUser user, Guid id, IfMatch expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(user);
        return VersionedLoad.Require(
            await households.GetForUpdateAsync(user.Scope, id, cancellationToken).ConfigureAwait(false), EntityType, id, expectedVersion, h => h.Version);
    }

    /// <summary>
    /// Runs a write after checking that no member's ID number is registered in another household. The unique
    /// index catches a concurrent registration the check could not see; the check then runs again to name it.
    /// </summary>
    public static async Task WriteAsync(
        IHouseholdRepository households, ICurrentUser user, Household household, Func<Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await EnsureNotInOtherHouseholdAsync(households, user, household, cancellationToken).ConfigureAwait(false);
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (MemberIdNumberTakenException)
        {
            await EnsureNotInOtherHouseholdAsync(households, user, household, cancellationToken).ConfigureAwait(false);
            throw new BusinessRuleViolationException(
                "household.member-in-other-household",
                "An ID number of this household is already held by another member row: either another household registered it at "
                + "the same moment (reload and retry) or two members' ID numbers were swapped in one request (change them in two steps).",
                "R-22");
        }
    }

    /// <summary>Now, in UTC at the database's precision (microseconds), so responses equal later reads.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow().ToUniversalTime();
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }

    private static async Task EnsureNotInOtherHouseholdAsync(
        IHouseholdRepository households, ICurrentUser user, Household household, CancellationToken cancellationToken)
    {
        var byValue = household.Members.ToDictionary(m => m.IdNumber.Value, m => m.IdNumber, StringComparer.Ordinal);
        var holders = await households.FindHoldersAsync(byValue.Keys, household.Id, cancellationToken).ConfigureAwait(false);
        foreach (var holder in holders.OrderBy(h => h.IdNumber, StringComparer.Ordinal))
        {
            var visible = user.Scope.Includes(holder.Region);
            var rule = new PersonBelongsToOneHousehold(byValue[holder.IdNumber], holder.HouseholdId, visible);
            if (!visible)
            {
                // An answer about a household the caller cannot see is an enumeration oracle: the conflict behaviour
                // rate-limits and audits it outside this (rolled back) transaction.
                throw new ForeignHolderConflictException(rule, byValue[holder.IdNumber].Masked, holder.Region);
            }

            BusinessRules.Check(rule);
        }
    }
}
