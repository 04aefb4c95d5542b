namespace Assistance.Application.ReserveFunds.TopUpReserveFund;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Regions;
using Assistance.Domain.Common;
using Assistance.Domain.Regions;

public sealed class TopUpReserveFundHandler(IReserveFundRepository funds, IRegionQueries regions, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<TopUpReserveFundCommand, ReserveFundDto>
{
    public async Task<ReserveFundDto> Handle(TopUpReserveFundCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var township = RegionCode.Parse(request.TownshipCode, "townshipCode");
        user.Scope.Require(township);
        if (!await regions.ExistsAsync(township, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("Region", township.Value);
        }

        var fund = (await funds.LockAsync(user.Scope, township, cancellationToken, create: true).ConfigureAwait(false))!;
        fund.TopUp(Guid.CreateVersion7(), Domain.Common.Money.FromYuan(request.Amount, "amount"), clock.Today(), user.Subject, request.Reason);
        await funds.SaveAsync(user.Scope, fund, cancellationToken).ConfigureAwait(false);
        return await funds.GetAsync(user.Scope, township, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("ReserveFund", township.Value);
    }
}
