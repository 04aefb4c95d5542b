namespace Assistance.Application.PaymentRolls.ExportPaymentRoll;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ExportPaymentRollHandler(IPaymentRollRepository rolls, ICurrentUser user) : IQueryHandler<ExportPaymentRollQuery, PaymentRollExport>
{
    public async Task<PaymentRollExport> Handle(ExportPaymentRollQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var roll = await rolls.GetAsync(user.Scope, request.RollId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("PaymentRoll", request.RollId.ToString());

        // The rows are read when the response is written (the request's session and transaction are still open then).
        return new PaymentRollExport(roll, rolls.ExportAsync(user.Scope, roll.Id, cancellationToken), user.CanReadIdNumbers());
    }
}
