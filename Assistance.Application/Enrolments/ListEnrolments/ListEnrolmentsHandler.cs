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
        var after = cursors.DecodeId(request.Cursor, filters);
        var rows = await enrolments.ListAsync(scope, request.Programme, request.Status, request.HouseholdId, after, limit + 1, cancellationToken).ConfigureAwait(false);
        var pii = user.CanReadIdNumbers();
        return cursors.Page(rows, limit, filters, e => e.Id.ToString(), e => EnrolmentDto.From(e, null, pii));
    }
}
