namespace Assistance.Application.Subscriptions.DeleteSubscription;

using Assistance.Application.Abstractions;

/// <summary>Ends a subscription: nothing more is delivered to it (pending deliveries stop; they stay listed as history).</summary>
public sealed record DeleteSubscriptionCommand(Guid Id) : ICommand<bool>;
