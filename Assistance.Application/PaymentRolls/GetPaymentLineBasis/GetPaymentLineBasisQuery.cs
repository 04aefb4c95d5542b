namespace Assistance.Application.PaymentRolls.GetPaymentLineBasis;

using Assistance.Application.Abstractions;

public sealed record GetPaymentLineBasisQuery(Guid RollId, Guid LineId) : IQuery<PaymentLineBasisDto>;
