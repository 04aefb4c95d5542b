namespace Assistance.Application.AuditEvents.ListAuditEvents;

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Regions;
using FluentValidation;

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

public sealed record ListAuditEventsQuery(string? RegionCode, string? EntityType, string? EntityId, int? Limit, string? Cursor)
    : IQuery<Page<AuditEventDto>>;

public sealed class ListAuditEventsValidator : AbstractValidator<ListAuditEventsQuery>
{
    public ListAuditEventsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _))
            .WithMessage("regionCode must be 6, 9 or 12 digits.");
        RuleFor(q => q.EntityType).MaximumLength(64);
        RuleFor(q => q.EntityId).MaximumLength(64);
    }
}

public interface IAuditEventQueries
{
    Task<IReadOnlyList<AuditEventDto>> ListAsync(
        RegionScope scope, string? entityType, string? entityId, (DateTimeOffset At, Guid Id)? after, int limit, CancellationToken cancellationToken);
}

public sealed class ListAuditEventsHandler(IAuditEventQueries queries, ICurrentUser user, CursorCodec cursors)
    : IQueryHandler<ListAuditEventsQuery, Page<AuditEventDto>>
{
    public async Task<Page<AuditEventDto>> Handle(ListAuditEventsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = scope.Root;

        var limit = request.Limit ?? Common.Cursor.DefaultLimit;
        var filters = $"audit|{region}|{request.EntityType}|{request.EntityId}";
        (DateTimeOffset, Guid)? after = null;
        if (cursors.Decode(request.Cursor, filters) is { } position)
        {
            var parts = position.Split('|');
            after = parts.Length == 2
                && DateTimeOffset.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
                && Guid.TryParse(parts[1], out var id)
                    ? (at, id)
                    : throw CursorCodec.Invalid();
        }

        var rows = await queries.ListAsync(scope, request.EntityType, request.EntityId, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            var last = rows[limit - 1];
            next = cursors.Encode($"{last.OccurredAt.UtcDateTime:O}|{last.Id}", filters);
            rows = rows.Take(limit).ToList();
        }

        return new Page<AuditEventDto>(rows, next);
    }
}
