namespace Assistance.Application.ReserveFunds.GetReserveFund;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Regions;

public sealed class GetReserveFundHandler(IReserveFundRepository funds, ICurrentUser user) : IQueryHandler<GetReserveFundQuery, ReserveFundDto>
{
    public async Task<ReserveFundDto> Handle(GetReserveFundQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var township = RegionCode.Parse(request.TownshipCode, "townshipCode");
        return await funds.GetAsync(user.Scope, township, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("ReserveFund", township.Value);
    }
}
