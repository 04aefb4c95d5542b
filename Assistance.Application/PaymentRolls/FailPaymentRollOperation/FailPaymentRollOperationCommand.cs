namespace Assistance.Application.PaymentRolls.FailPaymentRollOperation;

using Assistance.Application.Abstractions;

/// <summary>Records that a queued generation failed (its own transaction: the generation's was rolled back).</summary>
public sealed record FailPaymentRollOperationCommand(Guid OperationId, string Error) : ICommand<bool>;
