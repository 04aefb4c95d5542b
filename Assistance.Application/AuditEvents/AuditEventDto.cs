namespace Assistance.Application.AuditEvents;

using System.ComponentModel.DataAnnotations;
using System.Text.Json;

/// <summary>One audit row: who changed what, when, from what to what, and why.</summary>
/// <param name="Id">Audit event id.</param>
/// <param name="OccurredAt">When the change was committed.</param>
/// <param name="Actor">Token subject of who made the change.</param>
/// <param name="Agency">Partner agency, when a partner system made it.</param>
/// <param name="EntityType">What changed, e.g. Household.</param>
/// <param name="EntityId">Id of what changed.</param>
/// <param name="Action">What was done, e.g. Created.</param>
/// <param name="RegionCode">Region of the entity.</param>
/// <param name="Before">State before (ID numbers masked).</param>
/// <param name="After">State after (ID numbers masked).</param>
/// <param name="Reason">Why, as given by the actor.</param>
/// <param name="TraceId">Request trace id, to find the logs.</param>
public sealed record AuditEventDto(
    Guid Id,
    DateTimeOffset OccurredAt,
    [property: MaxLength(200)] string Actor,
    [property: MaxLength(100)] string? Agency,
    [property: MaxLength(64)] string EntityType,
    [property: MaxLength(64)] string EntityId,
    [property: MaxLength(64)] string Action,
    [property: MaxLength(12)] string RegionCode,
    JsonElement? Before,
    JsonElement? After,
    [property: MaxLength(2000)] string? Reason,
    [property: MaxLength(64)] string? TraceId);
