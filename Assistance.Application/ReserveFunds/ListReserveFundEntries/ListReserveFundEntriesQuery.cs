namespace Assistance.Application.ReserveFunds.ListReserveFundEntries;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>A fund's ledger, oldest entry first.</summary>
public sealed record ListReserveFundEntriesQuery(string TownshipCode, int? Limit, string? Cursor) : IQuery<Page<ReserveFundEntryDto>>;
