namespace Assistance.Application.ReserveFunds;

using System.ComponentModel.DataAnnotations;

/// <summary>A township's reserve fund (备用金, R-45): its balance and what went in and out.</summary>
/// <param name="TownshipCode">The township (9 digits).</param>
/// <param name="Balance">Yuan; never negative.</param>
/// <param name="ToppedUpTotal">Sum of all top-ups.</param>
/// <param name="DisbursedTotal">Sum of all disbursements (temporary-assistance payments).</param>
/// <param name="Version">Changes with every movement.</param>
public sealed record ReserveFundDto(
    [property: MaxLength(12)] string TownshipCode, decimal Balance, decimal ToppedUpTotal, decimal DisbursedTotal, [property: Range(0, long.MaxValue)] long Version);

/// <summary>One ledger entry of a reserve fund.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="Sequence">Position in the fund's ledger (ascending).</param>
/// <param name="TownshipCode">The township.</param>
/// <param name="Kind">TopUp or Disbursement.</param>
/// <param name="Amount">Yuan, positive.</param>
/// <param name="BalanceAfter">The fund's balance after this entry.</param>
/// <param name="CaseId">The temporary-assistance case a disbursement paid.</param>
/// <param name="OccurredOn">Day of the movement.</param>
/// <param name="Actor">Who moved the money.</param>
/// <param name="Reason">Why.</param>
public sealed record ReserveFundEntryDto(
    Guid Id, [property: Range(1, long.MaxValue)] long Sequence, [property: MaxLength(12)] string TownshipCode, [property: MaxLength(20)] string Kind,
    decimal Amount, decimal BalanceAfter, Guid? CaseId, DateOnly OccurredOn, [property: MaxLength(200)] string Actor, [property: MaxLength(2000)] string? Reason);
