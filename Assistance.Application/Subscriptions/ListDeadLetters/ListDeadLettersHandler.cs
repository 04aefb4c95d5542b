namespace Assistance.Application.Subscriptions.ListDeadLetters;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ListDeadLettersHandler(ISubscriptionRepository subscriptions, ICurrentUser user) : IQueryHandler<ListDeadLettersQuery, IReadOnlyList<DeadLetterDto>>
{
    public async Task<IReadOnlyList<DeadLetterDto>> Handle(ListDeadLettersQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = await subscriptions.FindAsync(user.Scope, PartnerAgencyRequired.AgencyOf(user), request.SubscriptionId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Subscription", request.SubscriptionId.ToString());
        return await subscriptions.ListDeadLettersAsync(user.Scope, request.SubscriptionId, request.Limit ?? Cursor.DefaultLimit, cancellationToken).ConfigureAwait(false);
    }
}
