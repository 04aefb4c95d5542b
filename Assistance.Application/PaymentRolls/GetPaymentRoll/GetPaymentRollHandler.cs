namespace Assistance.Application.PaymentRolls.GetPaymentRoll;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetPaymentRollHandler(IPaymentRollRepository rolls, ICurrentUser user) : IQueryHandler<GetPaymentRollQuery, PaymentRollDto>
{
    public async Task<PaymentRollDto> Handle(GetPaymentRollQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await rolls.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("PaymentRoll", request.Id.ToString());
    }
}
