namespace Assistance.Application.Households;

using Assistance.Application.Abstractions;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>The household that holds an ID number .</summary>
public sealed record IdNumberHolder(string IdNumber, Guid HouseholdId, RegionCode Region);

/// <summary>
/// Another transaction stored one of the ID numbers first (the unique index caught it). The repository has
/// rolled back to before its member writes, so the unit of work can still look up who holds the number.
/// </summary>
public sealed class MemberIdNumberTakenException() : Exception("An ID number of this household is already registered in another household.");

/// <summary>Writes households (unit of work: the command's transaction).</summary>
public interface IHouseholdRepository
{
    /// <summary>Loads the household and locks its row for the rest of the transaction; null when unknown.</summary>
    Task<Household?> GetForUpdateAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    /// <summary>Inserts a new household; throws <see cref="MemberIdNumberTakenException"/> when an ID number is taken.</summary>
    Task AddAsync(RegionScope scope, Household household, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the household's current state if the stored version is still <see cref="Household.Version"/>, then
    /// marks it saved under the next version. Throws <see cref="Common.VersionMismatchException"/> when another
    /// change came first and <see cref="MemberIdNumberTakenException"/> when an ID number is taken.
    /// </summary>
    Task UpdateAsync(RegionScope scope, Household household, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Households other than <paramref name="exceptHousehold"/> holding any of these ID numbers, in every region: R-22 is
    /// national, so this is the one deliberate read across scopes (ids and region codes only, through a database function).
    /// </summary>
    Task<IReadOnlyList<IdNumberHolder>> FindHoldersAsync(IReadOnlyCollection<string> idNumbers, Guid? exceptHousehold, CancellationToken cancellationToken);
}

/// <summary>Reads households for queries.</summary>
public interface IHouseholdQueries
{
    Task<Household?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    /// <summary>Households in the scope, ordered by id, after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<Household>> ListAsync(RegionScope scope, Guid? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>The id of the household in the scope holding this ID number, if any.</summary>
    Task<Guid?> FindHouseholdIdByIdNumberAsync(RegionScope scope, string idNumber, CancellationToken cancellationToken);
}
