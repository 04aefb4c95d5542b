namespace Assistance.Application.PaymentRolls.GetPaymentRoll;

using Assistance.Application.Abstractions;

public sealed record GetPaymentRollQuery(Guid Id) : IQuery<PaymentRollDto>;
