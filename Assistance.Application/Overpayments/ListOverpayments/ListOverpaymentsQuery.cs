namespace Assistance.Application.Overpayments.ListOverpayments;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Overpayments;

public sealed record ListOverpaymentsQuery(string? RegionCode, OverpaymentStatus? Status, Guid? EnrolmentId, int? Limit, string? Cursor) : IQuery<Page<OverpaymentDto>>;
