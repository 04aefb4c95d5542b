namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.ReserveFunds;
using Assistance.Application.ReserveFunds.GetReserveFund;
using Assistance.Application.ReserveFunds.ListReserveFundEntries;
using Assistance.Application.ReserveFunds.TopUpReserveFund;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>
/// /api/v1/reserve-funds/{townshipCode}: a township's temporary-assistance reserve fund (备用金, R-45) — its balance,
/// which never goes negative, and its append-only ledger of top-ups and disbursements.
/// </summary>
public static class ReserveFundEndpoints
{
    public static RouteGroupBuilder MapReserveFunds(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reserve-funds").WithTags("ReserveFunds");
        group.MapGet("/{townshipCode}", GetReserveFund).RequireAuthorization(Scopes.PaymentsRead)
            .WithSummary("Gets a township's reserve fund: balance, total topped up and total disbursed.");
        group.MapGet("/{townshipCode}/entries", ListReserveFundEntries).RequireAuthorization(Scopes.PaymentsRead)
            .WithSummary("Lists the fund's ledger entries (top-ups and disbursements), oldest first.");
        group.MapPost("/{townshipCode}/top-ups", TopUpReserveFund).RequireAuthorization(Scopes.PaymentsWrite).AcceptIdempotencyKey()
            .WithSummary("Tops up a township's reserve fund (the fund is opened by its first top-up).");
        return group;
    }

    /// <param name="townshipCode">The township (9 digits).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<ReserveFundDto>> GetReserveFund([StringLength(12, MinimumLength = 6)] string townshipCode, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetReserveFundQuery(townshipCode), cancellationToken).ConfigureAwait(false));

    /// <param name="townshipCode">The township (9 digits).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<ReserveFundEntryDto>>> ListReserveFundEntries(
        [StringLength(12, MinimumLength = 6)] string townshipCode, [Range(1, 200)] int? limit, [StringLength(500)] string? cursor, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListReserveFundEntriesQuery(townshipCode, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="townshipCode">The township (9 digits).</param>
    /// <param name="body">Amount in yuan and why.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<ReserveFundDto>> TopUpReserveFund(
        [StringLength(12, MinimumLength = 6)] string townshipCode, ReserveFundTopUpRequest body, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TypedResults.Ok(await sender.Send(new TopUpReserveFundCommand(townshipCode, body.Amount, body.Reason), cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>Money put into a township's reserve fund.</summary>
/// <param name="Amount">Yuan, at most two decimals, positive.</param>
/// <param name="Reason">Where the money comes from (audited).</param>
public sealed record ReserveFundTopUpRequest([property: Range(0.01, 100_000_000)] decimal Amount, [property: MaxLength(2000)] string? Reason = null);
