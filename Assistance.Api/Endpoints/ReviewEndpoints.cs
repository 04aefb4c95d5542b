namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Reviews;
using Assistance.Application.Reviews.EndExpiredGradualExits;
using Assistance.Application.Reviews.GetReview;
using Assistance.Application.Reviews.ListDueReviews;
using Assistance.Application.Reviews.ListReviews;
using Assistance.Application.Reviews.RecordReview;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>
/// Reviews (核查, R-30): /api/v1/enrolments/{id}/reviews records and lists an enrolment's reviews; /api/v1/reviews holds
/// the due list and the daily exit command (gradual exits run out, postponed terminations; ).
/// </summary>
public static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviews(this RouteGroupBuilder api)
    {
        var ofEnrolment = api.MapGroup("/enrolments/{id:guid}/reviews").WithTags("Reviews");
        ofEnrolment.MapPost("/", RecordReview).RequireAuthorization(Scopes.CasesApprove).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Records a review (核查) of an enrolment: the engine reassesses the updated household on the review date and the outcome rule decides Continue, Adjust, GradualExit or Terminate.");
        ofEnrolment.MapGet("/", ListReviews).RequireAuthorization(Scopes.CasesRead).WithSummary("Lists an enrolment's reviews, oldest first.");
        ofEnrolment.MapGet("/{reviewId:guid}", GetReview).RequireAuthorization(Scopes.CasesRead).WithSummary("Gets a review with its reassessment and trace.");

        var reviews = api.MapGroup("/reviews").WithTags("Reviews");
        reviews.MapGet("/due", ListDueReviews).RequireAuthorization(Scopes.CasesRead)
            .WithSummary("Lists enrolments whose review falls due before a date, outside regions under a review moratorium.");
        reviews.MapPost("/exits", EndExpiredGradualExits).RequireAuthorization(Scopes.CasesApprove).AcceptIdempotencyKey()
            .WithSummary("Ends the enrolments whose gradual exit has run its length and those whose termination a moratorium postponed (run daily; idempotent).");
        return reviews;
    }

    /// <param name="id">Enrolment id.</param>
    /// <param name="body">Review date, the household version reviewed, whether a rise in income comes from a member finding work, note.</param>
    /// <param name="http">HTTP context (If-Match).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<ReviewDto>> RecordReview(Guid id, ReviewRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        var dto = await sender.Send(
            new RecordReviewCommand(id, Preconditions.IfMatchVersion(http), body.ReviewedOn, body.HouseholdVersion, body.IncomeRiseFromEmployment, body.Note),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/enrolments/{id}/reviews/{dto.Id}", dto);
    }

    /// <param name="id">Enrolment id.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<ReviewDto>>> ListReviews(
        Guid id, [Range(1, 200)] int? limit, [StringLength(500)] string? cursor, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListReviewsQuery(id, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Enrolment id.</param>
    /// <param name="reviewId">Review id.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<ReviewDto>> GetReview(Guid id, Guid reviewId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetReviewQuery(id, reviewId), cancellationToken).ConfigureAwait(false));

    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="before">Due before this date (exclusive; default tomorrow, i.e. due by today).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<DueReviewDto>>> ListDueReviews(
        [StringLength(12, MinimumLength = 6)] string? regionCode, DateOnly? before, [Range(1, 200)] int? limit, [StringLength(500)] string? cursor,
        ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListDueReviewsQuery(regionCode, before, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="body">The day to run for (default today).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<ExitsAppliedDto>> EndExpiredGradualExits(ExitRunRequest body, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TypedResults.Ok(await sender.Send(new EndExpiredGradualExitsCommand(body.AsOf), cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>A review (核查) as the caseworker records it, after updating the stored household with what the visit found.</summary>
/// <param name="ReviewedOn">The review date: the household's facts on that day are reassessed.</param>
/// <param name="HouseholdVersion">The stored household version (its ETag) holding the reviewed facts; a later change is refused.</param>
/// <param name="IncomeRiseFromEmployment">A rise in income comes from a member finding work (opens the gradual exit, R-32).</param>
/// <param name="Note">What the visit found.</param>
public sealed record ReviewRequest(DateOnly ReviewedOn, [property: Range(1, long.MaxValue)] long HouseholdVersion, bool IncomeRiseFromEmployment = false, [property: MaxLength(2000)] string? Note = null);

/// <summary>A run of the exit command.</summary>
/// <param name="AsOf">The day to run for (default today; never after today).</param>
public sealed record ExitRunRequest(DateOnly? AsOf = null);
