namespace Assistance.Application.PaymentRolls.GetPaymentRollOperation;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetPaymentRollOperationHandler(IPaymentRollRepository rolls, ICurrentUser user) : IQueryHandler<GetPaymentRollOperationQuery, PaymentRollOperationDto>
{
    public async Task<PaymentRollOperationDto> Handle(GetPaymentRollOperationQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await rolls.GetOperationAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("PaymentRollOperation", request.Id.ToString());
    }
}
