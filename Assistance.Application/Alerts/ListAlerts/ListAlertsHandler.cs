namespace Assistance.Application.Alerts.ListAlerts;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ListAlertsHandler(IAlertRepository alerts, ICurrentUser user, CursorCodec cursors) : IQueryHandler<ListAlertsQuery, Page<AlertDto>>
{
    public async Task<Page<AlertDto>> Handle(ListAlertsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var limit = request.Limit ?? Cursor.DefaultLimit;
        var filters = $"alerts|{scope.Root}|{request.Rule}|{request.Status}";
        Guid? after = cursors.Decode(request.Cursor, filters) is { } p ? (Guid.TryParse(p, out var id) ? id : throw CursorCodec.Invalid()) : null;
        var rows = await alerts.ListAsync(scope, request.Rule, request.Status, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Id.ToString(), filters);
            rows = rows.Take(limit).ToList();
        }

        return new Page<AlertDto>(rows.Select(AlertDto.From).ToList(), next);
    }
}
