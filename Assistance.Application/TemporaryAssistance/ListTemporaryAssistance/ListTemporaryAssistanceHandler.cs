namespace Assistance.Application.TemporaryAssistance.ListTemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ListTemporaryAssistanceHandler(ITemporaryAssistanceRepository cases, ICurrentUser user, TimeProvider clock, CursorCodec cursors)
    : IQueryHandler<ListTemporaryAssistanceQuery, Page<TemporaryAssistanceDto>>
{
    public async Task<Page<TemporaryAssistanceDto>> Handle(ListTemporaryAssistanceQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var limit = request.Limit ?? Common.Cursor.DefaultLimit;
        var today = clock.Today();
        var filters = $"temporary-assistance|{scope.Root}|{request.Status}|{request.Type}|{request.Tier}|{request.PaperworkOverdue}";
        Guid? after = cursors.Decode(request.Cursor, filters) is { } position ? (Guid.TryParse(position, out var id) ? id : throw CursorCodec.Invalid()) : null;
        var filter = new TemporaryAssistanceFilter(request.Status, request.Type, request.Tier, request.PaperworkOverdue == true);
        var rows = await cases.ListAsync(scope, filter, today, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Case.Id.ToString(), filters);
            rows = rows.Take(limit).ToList();
        }

        return new Page<TemporaryAssistanceDto>(rows.Select(r => TemporaryAssistanceDto.From(r.Case.ToState(), r.Parameters, today)).ToList(), next);
    }
}
