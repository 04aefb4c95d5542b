namespace Assistance.Api.Endpoints;

using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.AuditEvents.ListAuditEvents;
using Assistance.Application.Common;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Assistance.Application.AuditEvents;

/// <summary>/api/v1/audit-events: the append-only audit trail, read with <c>audit.read</c>.</summary>
public static class AuditEventEndpoints
{
    public static RouteGroupBuilder MapAuditEvents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit-events").WithTags("Audit").RequireAuthorization(Scopes.AuditRead);
        group.MapGet("/", ListAuditEvents).WithSummary("Lists audit events in the caller's region subtree, oldest first.");
        return group;
    }

    /// <param name="regionCode">Region subtree to list (defaults to the caller's region).</param>
    /// <param name="entityType">Only events about this entity type, e.g. Household.</param>
    /// <param name="entityId">Only events about this entity id.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<AuditEventDto>>> ListAuditEvents(
        [StringLength(12, MinimumLength = 6)] string? regionCode,
        [StringLength(64)] string? entityType,
        [StringLength(64)] string? entityId,
        [Range(1, 200)] int? limit,
        [StringLength(500)] string? cursor,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListAuditEventsQuery(regionCode, entityType, entityId, limit, cursor), cancellationToken).ConfigureAwait(false));
}
