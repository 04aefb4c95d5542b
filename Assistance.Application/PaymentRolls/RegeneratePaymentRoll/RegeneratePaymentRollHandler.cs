namespace Assistance.Application.PaymentRolls.RegeneratePaymentRoll;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Common;
using Assistance.Domain.Payments;
using Assistance.Domain.Regions;

/// <summary>
/// The new version pays what is due now; lines already Paid in the superseded version stay there (and keep counting), so
/// the new version leaves out every (enrolment, kind, period) that is paid — the database's unique index would refuse a
/// second one anyway. Unpaid lines of the old version stop counting (they are never to be paid). Always in the request.
/// </summary>
public sealed class RegeneratePaymentRollHandler(IPaymentRollRepository rolls, PaymentRollGenerator generator, ICurrentUser user)
    : ICommandHandler<RegeneratePaymentRollCommand, PaymentRollDto>
{
    public async Task<PaymentRollDto> Handle(RegeneratePaymentRollCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope;
        var roll = await rolls.GetAsync(scope, request.RollId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("PaymentRoll", request.RollId.ToString());
        var region = RegionCode.Parse(roll.RegionCode);
        await rolls.LockAsync(scope, region, roll.Programme, cancellationToken).ConfigureAwait(false);

        // Re-read under the lock: a concurrent regeneration may have superseded it meanwhile.
        roll = await rolls.GetAsync(scope, request.RollId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("PaymentRoll", request.RollId.ToString());
        BusinessRules.Check(new OnlyTheCurrentRollIsRegenerated(roll.SupersededBy is not null));
        return await generator.GenerateAsync(scope, region, Months.Parse(roll.Month), roll.Programme, roll, request.Reason, cancellationToken).ConfigureAwait(false);
    }
}
