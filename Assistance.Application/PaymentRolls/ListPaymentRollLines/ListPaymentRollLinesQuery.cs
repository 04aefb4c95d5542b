namespace Assistance.Application.PaymentRolls.ListPaymentRollLines;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Payments;

public sealed record ListPaymentRollLinesQuery(Guid RollId, PaymentLineStatus? Status, PaymentLineKind? Kind, int? Limit, string? Cursor) : IQuery<Page<PaymentRollLineDto>>;
