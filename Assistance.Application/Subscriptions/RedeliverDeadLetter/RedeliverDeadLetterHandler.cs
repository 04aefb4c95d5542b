namespace Assistance.Application.Subscriptions.RedeliverDeadLetter;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class RedeliverDeadLetterHandler(ISubscriptionRepository subscriptions, ICurrentUser user) : ICommandHandler<RedeliverDeadLetterCommand, bool>
{
    public async Task<bool> Handle(RedeliverDeadLetterCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = await subscriptions.FindAsync(user.Scope, PartnerAgencyRequired.AgencyOf(user), request.SubscriptionId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Subscription", request.SubscriptionId.ToString());
        return await subscriptions.RedeliverAsync(user.Scope, request.SubscriptionId, request.EventId, cancellationToken).ConfigureAwait(false)
            ? true
            : throw new NotFoundException("DeadLetter", request.EventId.ToString());
    }
}
