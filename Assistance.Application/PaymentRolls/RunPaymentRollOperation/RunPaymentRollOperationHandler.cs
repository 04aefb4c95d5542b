namespace Assistance.Application.PaymentRolls.RunPaymentRollOperation;

using Assistance.Application.Abstractions;
using Assistance.Domain.Regions;

public sealed class RunPaymentRollOperationHandler(IPaymentRollRepository rolls, PaymentRollGenerator generator, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RunPaymentRollOperationCommand, PaymentRollOperationDto?>
{
    public async Task<PaymentRollOperationDto?> Handle(RunPaymentRollOperationCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope;
        var operation = await rolls.ClaimOperationAsync(scope, request.OperationId, cancellationToken).ConfigureAwait(false);
        if (operation is null)
        {
            return null;
        }

        var region = RegionCode.Parse(operation.RegionCode);
        var month = Months.Parse(operation.Month);
        await rolls.LockAsync(scope, region, operation.Programme, cancellationToken).ConfigureAwait(false);
        var roll = await rolls.FindCurrentAsync(scope, region, month, operation.Programme, cancellationToken).ConfigureAwait(false)
            ?? await generator.GenerateAsync(scope, region, month, operation.Programme, null, null, cancellationToken).ConfigureAwait(false);
        await rolls.FinishOperationAsync(scope, operation.Id, roll.Id, null, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return await rolls.GetOperationAsync(scope, operation.Id, cancellationToken).ConfigureAwait(false);
    }
}
