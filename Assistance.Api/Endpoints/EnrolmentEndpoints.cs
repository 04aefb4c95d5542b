namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Enrolments;
using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;
using Microsoft.AspNetCore.Http.HttpResults;
using Assistance.Application.Enrolments.ChangeEnrolmentStatus;
using Assistance.Application.Enrolments.GetEnrolment;
using Assistance.Application.Enrolments.ListEnrolments;
using Assistance.Application.Enrolments.EndTekunMinorsAtAgeLimit;
using Assistance.Application.Enrolments.RecordWorkRefusal;

/// <summary>/api/v1/enrolments: enrolments (救助对象) created on approval .</summary>
public static class EnrolmentEndpoints
{
    public static RouteGroupBuilder MapEnrolments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/enrolments").WithTags("Enrolments");
        group.MapGet("/", ListEnrolments).RequireAuthorization(Scopes.CasesRead).WithSummary("Lists enrolments in a region subtree.");
        group.MapGet("/{id:guid}", GetEnrolment).RequireAuthorization(Scopes.CasesRead)
            .WithSummary("Gets an enrolment with its basis (the assessment and trace stored with the approval).");
        group.MapPost("/{id:guid}/status", ChangeEnrolmentStatus).RequireAuthorization(Scopes.CasesApprove).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Suspends, resumes, starts a gradual exit or ends an enrolment; an ended enrolment is never reactivated (R-22).");

        // Life events.
        group.MapPost("/{id:guid}/work-refusals", RecordWorkRefusal).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Records a covered member's refusal of suitable work; the third consecutive unjustified one cuts that member's share (R-35).");
        group.MapPost("/tekun-minor-age-limit", EndTekunMinorsAtAgeLimit).RequireAuthorization(Scopes.CasesApprove).AcceptIdempotencyKey()
            .WithSummary("Ends the tekun enrolments of minors who reached the minor age limit and are not in school (R-34); the scheduler runs it daily.");
        return group;
    }

    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="programme">Only this programme.</param>
    /// <param name="status">Only this status.</param>
    /// <param name="householdId">Only this household's enrolments.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<EnrolmentDto>>> ListEnrolments(
        [StringLength(12, MinimumLength = 6)] string? regionCode, Programme? programme, EnrolmentStatus? status, Guid? householdId, [Range(1, 200)] int? limit,
        [StringLength(500)] string? cursor, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListEnrolmentsQuery(regionCode, programme, status, householdId, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Enrolment id.</param>
    /// <param name="http">HTTP context (for the ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<EnrolmentDto>> GetEnrolment(Guid id, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var dto = await sender.Send(new GetEnrolmentQuery(id), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(dto);
    }

    /// <param name="id">Enrolment id.</param>
    /// <param name="body">Action (Suspend, Resume, StartGradualExit, End) and reason.</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<EnrolmentDto>> ChangeEnrolmentStatus(Guid id, EnrolmentStatusRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        var dto = await sender.Send(new ChangeEnrolmentStatusCommand(id, Preconditions.IfMatchVersion(http), body.Action, body.Reason ?? string.Empty), cancellationToken)
            .ConfigureAwait(false);
        return TypedResults.Ok(dto);
    }

    /// <param name="id">Enrolment id.</param>
    /// <param name="body">The member, the date, the work offered and whether the refusal was justified.</param>
    /// <param name="http">HTTP context (If-Match).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<WorkRefusalDto>> RecordWorkRefusal(Guid id, WorkRefusalRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        var dto = await sender.Send(
            new RecordWorkRefusalCommand(id, Preconditions.IfMatchVersion(http), body.MemberId, body.RefusedOn, body.Offer ?? string.Empty, body.Justified, body.Justification),
            cancellationToken).ConfigureAwait(false);
        http.Response.Headers.ETag = Preconditions.ETag(dto.EnrolmentVersion);
        return TypedResults.Created($"/api/v1/enrolments/{id}", dto);
    }

    /// <param name="body">The date to check (normally today).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<TekunMinorAgeLimitRunDto>> EndTekunMinorsAtAgeLimit(TekunMinorAgeLimitRequest body, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TypedResults.Ok(await sender.Send(new EndTekunMinorsAtAgeLimitCommand(body.AsOf), cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>A status change of an enrolment.</summary>
/// <param name="Action">Suspend, Resume, StartGradualExit or End.</param>
/// <param name="Reason">Why (required, audited).</param>
public sealed record EnrolmentStatusRequest(EnrolmentAction Action, [property: Required, MaxLength(ReasonRules.MaxLength)] string? Reason);

/// <summary>A refusal of suitable work (R-35; N-57 Art.34).</summary>
/// <param name="MemberId">The covered member who refused.</param>
/// <param name="RefusedOn">When.</param>
/// <param name="Offer">The work offered (employer, job, hours).</param>
/// <param name="Justified">True when the refusal had a justified reason (illness, care duties …): it ends the run of refusals.</param>
/// <param name="Justification">The justified reason (required when justified).</param>
public sealed record WorkRefusalRequest(
    Guid MemberId, DateOnly RefusedOn, [property: Required, MaxLength(ReasonRules.MaxLength)] string? Offer, bool Justified = false, [property: MaxLength(ReasonRules.MaxLength)] string? Justification = null);

/// <summary>A run of the R-34 minor-age check.</summary>
/// <param name="AsOf">The date to check, not after today.</param>
public sealed record TekunMinorAgeLimitRequest(DateOnly AsOf);
