namespace Assistance.Application.LifeEvents.ListLifeEvents;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ListLifeEventsHandler(ILifeEventRepository events, ICurrentUser user, CursorCodec cursors) : IQueryHandler<ListLifeEventsQuery, Page<LifeEventDto>>
{
    public async Task<Page<LifeEventDto>> Handle(ListLifeEventsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var limit = request.Limit ?? Cursor.DefaultLimit;
        var filters = $"life-events|{scope.Root}|{request.Status}|{request.Type}";
        Guid? after = cursors.Decode(request.Cursor, filters) is { } p ? (Guid.TryParse(p, out var id) ? id : throw CursorCodec.Invalid()) : null;
        var rows = await events.ListAsync(scope, request.Status, request.Type, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Event.Id.ToString(), filters);
            rows = rows.Take(limit).ToList();
        }

        var pii = user.CanReadIdNumbers();
        return new Page<LifeEventDto>(rows.Select(r => LifeEventDto.From(r, pii)).ToList(), next);
    }
}
