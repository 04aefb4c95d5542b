namespace Assistance.Application.Households.ListHouseholds;

using System.Globalization;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Regions;

public sealed class ListHouseholdsHandler(IHouseholdQueries households, ICurrentUser user, CursorCodec cursors)
    : IQueryHandler<ListHouseholdsQuery, Page<HouseholdDto>>
{
    public async Task<Page<HouseholdDto>> Handle(ListHouseholdsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = scope.Root;

        var limit = request.Limit ?? Cursor.DefaultLimit;
        var filters = $"households|{region}";
        Guid? after = null;
        if (cursors.Decode(request.Cursor, filters) is { } position)
        {
            after = Guid.TryParse(position, CultureInfo.InvariantCulture, out var id)
                ? id
                : throw CursorCodec.Invalid();
        }

        var rows = await households.ListAsync(scope, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            rows = rows.Take(limit).ToList();
            next = cursors.Encode(rows[^1].Id.ToString(), filters);
        }

        return new Page<HouseholdDto>(rows.Select(h => h.ToDto(user)).ToList(), next);
    }
}
