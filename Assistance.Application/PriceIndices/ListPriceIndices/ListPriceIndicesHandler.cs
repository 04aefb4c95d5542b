namespace Assistance.Application.PriceIndices.ListPriceIndices;

using System.Globalization;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.PaymentRolls;

public sealed class ListPriceIndicesHandler(IPriceIndexRepository indices, ICurrentUser user, CursorCodec cursors) : IQueryHandler<ListPriceIndicesQuery, Page<PriceIndexDto>>
{
    public async Task<Page<PriceIndexDto>> Handle(ListPriceIndicesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var limit = request.Limit ?? Cursor.DefaultLimit;
        var filters = $"price-indices|{scope.Root}";
        (DateOnly, Guid)? after = null;
        if (cursors.Decode(request.Cursor, filters) is { } position)
        {
            var parts = position.Split('|');
            after = parts.Length == 2 && Months.TryParse(parts[0], out var month) && Guid.TryParse(parts[1], out var id) ? (month, id) : throw CursorCodec.Invalid();
        }

        var rows = await indices.ListAsync(scope, scope.Root, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            var last = rows[limit - 1];
            next = cursors.Encode(string.Create(CultureInfo.InvariantCulture, $"{last.IndexMonth}|{last.Id}"), filters);
            rows = rows.Take(limit).ToList();
        }

        return new Page<PriceIndexDto>(rows, next);
    }
}
