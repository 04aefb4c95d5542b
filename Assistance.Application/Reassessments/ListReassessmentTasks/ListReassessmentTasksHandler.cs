namespace Assistance.Application.Reassessments.ListReassessmentTasks;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ListReassessmentTasksHandler(IReassessmentTaskRepository tasks, ICurrentUser user, CursorCodec cursors)
    : IQueryHandler<ListReassessmentTasksQuery, Page<ReassessmentTaskDto>>
{
    public async Task<Page<ReassessmentTaskDto>> Handle(ListReassessmentTasksQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var limit = request.Limit ?? Cursor.DefaultLimit;
        var filters = $"reassessment-tasks|{scope.Root}|{request.Status}|{request.HouseholdId}";
        Guid? after = cursors.Decode(request.Cursor, filters) is { } p ? (Guid.TryParse(p, out var id) ? id : throw CursorCodec.Invalid()) : null;
        var rows = await tasks.ListAsync(scope, request.Status, request.HouseholdId, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Id.ToString(), filters);
            rows = rows.Take(limit).ToList();
        }

        return new Page<ReassessmentTaskDto>(rows.Select(ReassessmentTaskDto.From).ToList(), next);
    }
}
