namespace Assistance.Application.Subscriptions.DeleteSubscription;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class DeleteSubscriptionHandler(ISubscriptionRepository subscriptions, ICurrentUser user) : ICommandHandler<DeleteSubscriptionCommand, bool>
{
    public async Task<bool> Handle(DeleteSubscriptionCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await subscriptions.DeleteAsync(user.Scope, PartnerAgencyRequired.AgencyOf(user), request.Id, cancellationToken).ConfigureAwait(false)
            ? true
            : throw new NotFoundException("Subscription", request.Id.ToString());
    }
}
