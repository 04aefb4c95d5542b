namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Alerts;
using Assistance.Application.Alerts.AcknowledgeAlert;
using Assistance.Application.Alerts.GetAlert;
using Assistance.Application.Alerts.ListAlerts;
using Assistance.Application.Common;
using Assistance.Domain.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>/api/v1/alerts: early-warning alerts (预警, R-36, R-61, R-30) raised by the daily rule runs, and their lifecycle.</summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/alerts").WithTags("Alerts");
        group.MapGet("/", ListAlerts).RequireAuthorization(Scopes.CasesRead).WithSummary("Lists alerts in a region subtree, by rule and status.");
        group.MapGet("/{id:guid}", GetAlert).RequireAuthorization(Scopes.CasesRead).WithSummary("Gets an alert.");
        group.MapPost("/{id:guid}/acknowledge", AcknowledgeAlert).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Acknowledges an open alert: a caseworker takes it on.");
        group.MapPost("/{id:guid}/resolve", ResolveAlert).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Resolves an alert with a note; a condition that recurs raises a new alert.");
        return group;
    }

    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="rule">Only this rule: ZeroEmployment, MarginalRigidSpending, TekunVisitOverdue, TekunMinorTurningAdult, DuplicateIdNumber, ReviewOverdue.</param>
    /// <param name="status">Only this status.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<AlertDto>>> ListAlerts(
        [StringLength(12, MinimumLength = 6)] string? regionCode, [StringLength(40)] string? rule, AlertStatus? status, [Range(1, 200)] int? limit,
        [StringLength(500)] string? cursor, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListAlertsQuery(regionCode, rule, status, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Alert id.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<AlertDto>> GetAlert(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetAlertQuery(id), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Alert id.</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<AlertDto>> AcknowledgeAlert(Guid id, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        return TypedResults.Ok(await sender.Send(new AcknowledgeAlertCommand(id, Preconditions.IfMatchVersion(http)), cancellationToken).ConfigureAwait(false));
    }

    /// <param name="id">Alert id.</param>
    /// <param name="body">The resolution note: what was done.</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<AlertDto>> ResolveAlert(Guid id, AlertResolutionRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        return TypedResults.Ok(await sender.Send(
            new Application.Alerts.ResolveAlert.ResolveAlertCommand(id, Preconditions.IfMatchVersion(http), body.Note ?? string.Empty), cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>How an alert was resolved.</summary>
/// <param name="Note">What was done (required, audited).</param>
public sealed record AlertResolutionRequest([property: Required, MaxLength(2000)] string? Note);
