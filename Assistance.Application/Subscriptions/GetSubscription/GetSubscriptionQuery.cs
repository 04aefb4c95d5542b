namespace Assistance.Application.Subscriptions.GetSubscription;

using Assistance.Application.Abstractions;

public sealed record GetSubscriptionQuery(Guid Id) : IQuery<SubscriptionDto>;
