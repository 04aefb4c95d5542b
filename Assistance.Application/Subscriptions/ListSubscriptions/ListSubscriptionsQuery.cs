namespace Assistance.Application.Subscriptions.ListSubscriptions;

using Assistance.Application.Abstractions;

public sealed record ListSubscriptionsQuery : IQuery<IReadOnlyList<SubscriptionDto>>;
