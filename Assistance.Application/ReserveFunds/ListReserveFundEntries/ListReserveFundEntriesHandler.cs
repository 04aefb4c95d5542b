namespace Assistance.Application.ReserveFunds.ListReserveFundEntries;

using System.Globalization;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Regions;

public sealed class ListReserveFundEntriesHandler(IReserveFundRepository funds, ICurrentUser user, CursorCodec cursors)
    : IQueryHandler<ListReserveFundEntriesQuery, Page<ReserveFundEntryDto>>
{
    public async Task<Page<ReserveFundEntryDto>> Handle(ListReserveFundEntriesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var township = RegionCode.Parse(request.TownshipCode, "townshipCode");
        _ = await funds.GetAsync(user.Scope, township, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("ReserveFund", township.Value);
        var limit = request.Limit ?? Common.Cursor.DefaultLimit;
        var filters = $"reserve-fund-entries|{township}";
        long? after = cursors.Decode(request.Cursor, filters) is { } position
            ? (long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : throw CursorCodec.Invalid())
            : null;
        var rows = await funds.ListEntriesAsync(user.Scope, township, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Sequence.ToString(CultureInfo.InvariantCulture), filters);
            rows = rows.Take(limit).ToList();
        }

        return new Page<ReserveFundEntryDto>(rows, next);
    }
}
