namespace Assistance.Application.PaymentRolls.GetPaymentRollOperation;

using Assistance.Application.Abstractions;

public sealed record GetPaymentRollOperationQuery(Guid Id) : IQuery<PaymentRollOperationDto>;
