namespace Assistance.Application.PaymentRolls.ListPaymentRollLines;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ListPaymentRollLinesHandler(IPaymentRollRepository rolls, ICurrentUser user, CursorCodec cursors)
    : IQueryHandler<ListPaymentRollLinesQuery, Page<PaymentRollLineDto>>
{
    public async Task<Page<PaymentRollLineDto>> Handle(ListPaymentRollLinesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope;
        _ = await rolls.GetAsync(scope, request.RollId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("PaymentRoll", request.RollId.ToString());
        var limit = request.Limit ?? Cursor.DefaultLimit;
        var filters = $"payment-roll-lines|{request.RollId}|{request.Status}|{request.Kind}";
        Guid? after = cursors.Decode(request.Cursor, filters) is { } p ? (Guid.TryParse(p, out var id) ? id : throw CursorCodec.Invalid()) : null;
        var rows = await rolls.ListLinesAsync(scope, request.RollId, request.Status, request.Kind, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Id.ToString(), filters);
            rows = rows.Take(limit).ToList();
        }

        return new Page<PaymentRollLineDto>(rows, next);
    }
}
