namespace Assistance.Application.AuditEvents.ListAuditEvents;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

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
        return cursors.Page(rows, limit, filters, e => $"{e.OccurredAt.UtcDateTime:O}|{e.Id}", e => e);
    }
}
