namespace Assistance.Application.Households.ListHouseholds;

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
        var after = cursors.DecodeId(request.Cursor, filters);
        var rows = await households.ListAsync(scope, after, limit + 1, cancellationToken).ConfigureAwait(false);
        return cursors.Page(rows, limit, filters, h => h.Id.ToString(), h => h.ToDto(user));
    }
}
