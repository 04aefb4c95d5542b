namespace Assistance.Application.Overpayments.ResolveOverpayment;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Overpayments;

/// <summary>Marks an open overpayment Recovered (追回) or WrittenOff (核销), with a note saying how .</summary>
public sealed record ResolveOverpaymentCommand(Guid Id, IfMatch ExpectedVersion, OverpaymentStatus Status, string Note) : ICommand<OverpaymentDto>;
