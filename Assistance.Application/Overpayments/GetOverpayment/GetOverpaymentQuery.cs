namespace Assistance.Application.Overpayments.GetOverpayment;

using Assistance.Application.Abstractions;

public sealed record GetOverpaymentQuery(Guid Id) : IQuery<OverpaymentDto>;
