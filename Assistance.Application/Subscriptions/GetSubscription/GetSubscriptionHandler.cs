namespace Assistance.Application.Subscriptions.GetSubscription;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetSubscriptionHandler(ISubscriptionRepository subscriptions, ICurrentUser user) : IQueryHandler<GetSubscriptionQuery, SubscriptionDto>
{
    public async Task<SubscriptionDto> Handle(GetSubscriptionQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await subscriptions.FindAsync(user.Scope, PartnerAgencyRequired.AgencyOf(user), request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Subscription", request.Id.ToString());
    }
}
