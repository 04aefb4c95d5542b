namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.ReviewMoratoriums;
using Assistance.Application.ReviewMoratoriums.AmendReviewMoratorium;
using Assistance.Application.ReviewMoratoriums.CreateReviewMoratorium;
using Assistance.Application.ReviewMoratoriums.GetReviewMoratorium;
using Assistance.Application.ReviewMoratoriums.ListReviewMoratoriums;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>/api/v1/review-moratoriums: periods in which a region suspends reviews and exits (暂停复查及退出, R-31).</summary>
public static class ReviewMoratoriumEndpoints
{
    public static RouteGroupBuilder MapReviewMoratoriums(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/review-moratoriums").WithTags("ReviewMoratoriums");
        group.MapPost("/", CreateReviewMoratorium).RequireAuthorization(Scopes.PolicyAdmin).AcceptIdempotencyKey()
            .WithSummary("Declares a review moratorium for a region and its subtree, with its period, reason and source.");
        group.MapGet("/", ListReviewMoratoriums).RequireAuthorization(Scopes.CasesRead)
            .WithSummary("Lists the moratoriums covering a region: its subtree's and its ancestors'.");
        group.MapGet("/{id:guid}", GetReviewMoratorium).RequireAuthorization(Scopes.CasesRead).WithSummary("Gets a review moratorium.");
        group.MapPut("/{id:guid}", AmendReviewMoratorium).RequireAuthorization(Scopes.PolicyAdmin).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Amends a moratorium's period, reason or sources; setting `to` ends it.");
        return group;
    }

    /// <param name="body">Region, period, reason and source.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<ReviewMoratoriumDto>> CreateReviewMoratorium(ReviewMoratoriumRequest body, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var dto = await sender.Send(
            new CreateReviewMoratoriumCommand(body.RegionCode ?? string.Empty, body.From, body.To, body.Reason ?? string.Empty, body.Source ?? string.Empty, body.EndSource),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/review-moratoriums/{dto.Id}", dto);
    }

    /// <param name="regionCode">Region (defaults to the caller's region).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<ReviewMoratoriumDto>>> ListReviewMoratoriums(
        [StringLength(12, MinimumLength = 6)] string? regionCode, [Range(1, 200)] int? limit, [StringLength(500)] string? cursor, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListReviewMoratoriumsQuery(regionCode, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Moratorium id.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<ReviewMoratoriumDto>> GetReviewMoratorium(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetReviewMoratoriumQuery(id), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Moratorium id.</param>
    /// <param name="body">The amended period, reason and sources.</param>
    /// <param name="http">HTTP context (If-Match).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<ReviewMoratoriumDto>> AmendReviewMoratorium(
        Guid id, ReviewMoratoriumAmendment body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        return TypedResults.Ok(await sender.Send(
            new AmendReviewMoratoriumCommand(id, Preconditions.IfMatchVersion(http), body.From, body.To, body.Reason ?? string.Empty, body.Source ?? string.Empty, body.EndSource),
            cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>A new review moratorium.</summary>
/// <param name="RegionCode">The region; its whole subtree is covered.</param>
/// <param name="From">First day in force.</param>
/// <param name="To">First day no longer in force (exclusive); omit while open-ended.</param>
/// <param name="Reason">Why (e.g. 疫情防控期间).</param>
/// <param name="Source">The document and clause that declared it (e.g. S4 三).</param>
/// <param name="EndSource">The document that ended it (required with <c>to</c>).</param>
public sealed record ReviewMoratoriumRequest(
    [property: Required, StringLength(12, MinimumLength = 6)] string? RegionCode, DateOnly From, DateOnly? To = null, [property: Required, MaxLength(2000)] string? Reason = null,
    [property: Required, MaxLength(200)] string? Source = null, [property: MaxLength(200)] string? EndSource = null);

/// <summary>An amended review moratorium (the region does not change).</summary>
/// <param name="From">First day in force.</param>
/// <param name="To">First day no longer in force (exclusive); null while open-ended.</param>
/// <param name="Reason">Why.</param>
/// <param name="Source">The document and clause that declared it.</param>
/// <param name="EndSource">The document that ended it (required with <c>to</c>).</param>
public sealed record ReviewMoratoriumAmendment(
    DateOnly From, DateOnly? To = null, [property: Required, MaxLength(2000)] string? Reason = null, [property: Required, MaxLength(200)] string? Source = null,
    [property: MaxLength(200)] string? EndSource = null);
