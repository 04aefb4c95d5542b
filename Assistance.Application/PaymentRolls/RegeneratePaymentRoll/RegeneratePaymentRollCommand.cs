namespace Assistance.Application.PaymentRolls.RegeneratePaymentRoll;

using Assistance.Application.Abstractions;

/// <summary>Regenerate a roll: a new version supersedes the current one, with a reason (audited).</summary>
public sealed record RegeneratePaymentRollCommand(Guid RollId, string? Reason) : ICommand<PaymentRollDto>;
