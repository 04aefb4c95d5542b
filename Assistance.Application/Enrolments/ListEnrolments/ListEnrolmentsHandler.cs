namespace Assistance.Application.Enrolments.ListEnrolments;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ListEnrolmentsHandler(IEnrolmentRepository enrolments, ICurrentUser user, Common.CursorCodec cursors) : IQueryHandler<ListEnrolmentsQuery, Page<EnrolmentDto>>
{
    public async Task<Page<EnrolmentDto>> Handle(ListEnrolmentsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = scope.Root;

        var limit = request.Limit ?? Common.Cursor.DefaultLimit;
        var filters = $"enrolments|{region}|{request.Programme}|{request.Status}|{request.HouseholdId}";
        Guid? after = cursors.Decode(request.Cursor, filters) is { } p ? (Guid.TryParse(p, out var id) ? id : throw Common.CursorCodec.Invalid()) : null;
        var rows = await enrolments.ListAsync(scope, request.Programme, request.Status, request.HouseholdId, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Id.ToString(), filters);
            rows = rows.Take(limit).ToList();
        }

        var pii = user.CanReadIdNumbers();
        return new Page<EnrolmentDto>(rows.Select(e => EnrolmentDto.From(e, null, pii)).ToList(), next);
    }
}
