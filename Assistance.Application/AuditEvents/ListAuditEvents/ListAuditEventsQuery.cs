namespace Assistance.Application.AuditEvents.ListAuditEvents;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed record ListAuditEventsQuery(string? RegionCode, string? EntityType, string? EntityId, int? Limit, string? Cursor)
    : IQuery<Page<AuditEventDto>>;
