namespace Assistance.Application.Subscriptions.ListDeadLetters;

using Assistance.Application.Abstractions;

public sealed record ListDeadLettersQuery(Guid SubscriptionId, int? Limit) : IQuery<IReadOnlyList<DeadLetterDto>>;
