namespace Assistance.Application.PaymentRolls.FailPaymentRollOperation;

using Assistance.Application.Abstractions;

public sealed class FailPaymentRollOperationHandler(IPaymentRollRepository rolls, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<FailPaymentRollOperationCommand, bool>
{
    public async Task<bool> Handle(FailPaymentRollOperationCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await rolls.FinishOperationAsync(user.Scope, request.OperationId, null, request.Error, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
