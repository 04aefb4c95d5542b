namespace Assistance.Application.Subscriptions.ListSubscriptions;

using Assistance.Application.Abstractions;

public sealed class ListSubscriptionsHandler(ISubscriptionRepository subscriptions, ICurrentUser user) : IQueryHandler<ListSubscriptionsQuery, IReadOnlyList<SubscriptionDto>>
{
    public Task<IReadOnlyList<SubscriptionDto>> Handle(ListSubscriptionsQuery request, CancellationToken cancellationToken) =>
        subscriptions.ListAsync(user.Scope, PartnerAgencyRequired.AgencyOf(user), cancellationToken);
}
