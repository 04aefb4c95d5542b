namespace Assistance.Application.ReserveFunds;

using Assistance.Application.Abstractions;
using Assistance.Domain.Regions;
using Assistance.Domain.TemporaryAssistance;

public interface IReserveFundRepository
{
    /// <summary>
    /// The township's fund with its row locked for the rest of the transaction (so movements on one fund are checked
    /// one after the other); null when the township has no fund yet. <paramref name="create"/>: make an empty fund first.
    /// </summary>
    Task<ReserveFund?> LockAsync(RegionScope scope, RegionCode township, CancellationToken cancellationToken, bool create = false);

    /// <summary>
    /// Applies the fund's new movements atomically (the balance is changed by the database, guarded so it never goes
    /// negative) and appends them to the ledger; hands the events to the collector.
    /// </summary>
    Task SaveAsync(RegionScope scope, ReserveFund fund, CancellationToken cancellationToken);

    Task<ReserveFundDto?> GetAsync(RegionScope scope, RegionCode township, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReserveFundEntryDto>> ListEntriesAsync(RegionScope scope, RegionCode township, long? afterSequence, int limit, CancellationToken cancellationToken);
}
