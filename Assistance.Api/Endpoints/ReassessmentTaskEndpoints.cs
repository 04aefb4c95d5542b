namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Reassessments;
using Assistance.Application.Reassessments.CompleteReassessmentTask;
using Assistance.Application.Reassessments.GetReassessmentTask;
using Assistance.Application.Reassessments.ListReassessmentTasks;
using Assistance.Domain.Reassessments;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>/api/v1/reassessment-tasks: households to reassess after a life event .</summary>
public static class ReassessmentTaskEndpoints
{
    public static RouteGroupBuilder MapReassessmentTasks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reassessment-tasks").WithTags("ReassessmentTasks");
        group.MapGet("/", ListReassessmentTasks).RequireAuthorization(Scopes.CasesRead).WithSummary("Lists reassessment tasks in a region subtree.");
        group.MapGet("/{id:guid}", GetReassessmentTask).RequireAuthorization(Scopes.CasesRead).WithSummary("Gets a reassessment task.");
        group.MapPost("/{id:guid}/complete", CompleteReassessmentTask).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Completes a task: the household is reassessed and amounts change from the following month.");
        return group;
    }

    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="status">Only this status.</param>
    /// <param name="householdId">Only this household's tasks.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<ReassessmentTaskDto>>> ListReassessmentTasks(
        [StringLength(12, MinimumLength = 6)] string? regionCode, ReassessmentTaskStatus? status, Guid? householdId, [Range(1, 200)] int? limit,
        [StringLength(500)] string? cursor, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListReassessmentTasksQuery(regionCode, status, householdId, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Task id.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<ReassessmentTaskDto>> GetReassessmentTask(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetReassessmentTaskQuery(id), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Task id.</param>
    /// <param name="body">The caseworker's note.</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<ReassessmentTaskDto>> CompleteReassessmentTask(
        Guid id, CompleteReassessmentTaskRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        return TypedResults.Ok(await sender.Send(new CompleteReassessmentTaskCommand(id, Preconditions.IfMatchVersion(http), body.Note ?? string.Empty), cancellationToken)
            .ConfigureAwait(false));
    }
}

/// <summary>Completing a reassessment task.</summary>
/// <param name="Note">What was checked and recorded (required, audited).</param>
public sealed record CompleteReassessmentTaskRequest([property: Required, MaxLength(2000)] string? Note);
