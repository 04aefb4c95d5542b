namespace Assistance.Application.PaymentRolls.RunPaymentRollOperation;

using Assistance.Application.Abstractions;

/// <summary>Runs a queued generation (the background half of 202 Accepted). Null when it was already taken or finished.</summary>
public sealed record RunPaymentRollOperationCommand(Guid OperationId) : ICommand<PaymentRollOperationDto?>;
