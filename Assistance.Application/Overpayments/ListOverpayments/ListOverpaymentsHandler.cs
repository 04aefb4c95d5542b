namespace Assistance.Application.Overpayments.ListOverpayments;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ListOverpaymentsHandler(IOverpaymentRepository overpayments, ICurrentUser user, CursorCodec cursors) : IQueryHandler<ListOverpaymentsQuery, Page<OverpaymentDto>>
{
    public async Task<Page<OverpaymentDto>> Handle(ListOverpaymentsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var limit = request.Limit ?? Cursor.DefaultLimit;
        var filters = $"overpayments|{scope.Root}|{request.Status}|{request.EnrolmentId}";
        Guid? after = cursors.Decode(request.Cursor, filters) is { } p ? (Guid.TryParse(p, out var id) ? id : throw CursorCodec.Invalid()) : null;
        var rows = await overpayments.ListAsync(scope, request.Status, request.EnrolmentId, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Id.ToString(), filters);
            rows = rows.Take(limit).ToList();
        }

        var pii = user.CanReadIdNumbers();
        var deducted = await overpayments.DeductedOnRollsAsync(scope, rows.Select(o => o.Id).ToList(), cancellationToken).ConfigureAwait(false);
        return new Page<OverpaymentDto>(rows.Select(o => OverpaymentDto.From(o, pii, deducted.GetValueOrDefault(o.Id))).ToList(), next);
    }
}
