namespace Assistance.Application.Subscriptions.CreateSubscription;

using Assistance.Application.Abstractions;
using Assistance.Application.Events;

public sealed record CreateSubscriptionCommand(string? CallbackUrl, IReadOnlyList<PartnerEventType>? EventTypes) : ICommand<CreatedSubscriptionDto>;
