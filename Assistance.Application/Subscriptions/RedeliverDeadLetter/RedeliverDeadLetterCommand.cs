namespace Assistance.Application.Subscriptions.RedeliverDeadLetter;

using Assistance.Application.Abstractions;

/// <summary>A partner asks for a dead letter again: it goes back in the queue with its original event id.</summary>
public sealed record RedeliverDeadLetterCommand(Guid SubscriptionId, Guid EventId) : ICommand<bool>;
