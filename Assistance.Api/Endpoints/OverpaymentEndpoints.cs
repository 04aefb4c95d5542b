namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Overpayments;
using Assistance.Application.Overpayments.GetOverpayment;
using Assistance.Application.Overpayments.ListOverpayments;
using Assistance.Application.Overpayments.ResolveOverpayment;
using Assistance.Domain.Overpayments;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>/api/v1/overpayments: payments made for months after a death or imprisonment, to recover .</summary>
public static class OverpaymentEndpoints
{
    public static RouteGroupBuilder MapOverpayments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/overpayments").WithTags("Overpayments");
        group.MapGet("/", ListOverpayments).RequireAuthorization(Scopes.CasesRead).WithSummary("Lists overpayments in a region subtree.");
        group.MapGet("/{id:guid}", GetOverpayment).RequireAuthorization(Scopes.CasesRead).WithSummary("Gets an overpayment with its months.");
        group.MapPost("/{id:guid}/status", ResolveOverpayment).RequireAuthorization(Scopes.CasesApprove).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Marks an open overpayment Recovered or WrittenOff.");
        return group;
    }

    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="status">Only this status.</param>
    /// <param name="enrolmentId">Only this enrolment's overpayments.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<OverpaymentDto>>> ListOverpayments(
        [StringLength(12, MinimumLength = 6)] string? regionCode, OverpaymentStatus? status, Guid? enrolmentId, [Range(1, 200)] int? limit,
        [StringLength(500)] string? cursor, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListOverpaymentsQuery(regionCode, status, enrolmentId, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Overpayment id.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<OverpaymentDto>> GetOverpayment(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetOverpaymentQuery(id), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Overpayment id.</param>
    /// <param name="body">Recovered or WrittenOff, with a note.</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<OverpaymentDto>> ResolveOverpayment(Guid id, OverpaymentStatusRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        return TypedResults.Ok(await sender.Send(new ResolveOverpaymentCommand(id, Preconditions.IfMatchVersion(http), body.Status, body.Note ?? string.Empty), cancellationToken)
            .ConfigureAwait(false));
    }
}

/// <summary>How an overpayment was settled.</summary>
/// <param name="Status">Recovered (追回) or WrittenOff (核销).</param>
/// <param name="Note">How (receipt, decision), required.</param>
public sealed record OverpaymentStatusRequest(OverpaymentStatus Status, [property: Required, MaxLength(2000)] string? Note);
