namespace Assistance.Application.PaymentRolls.ExportPaymentRoll;

using Assistance.Application.Abstractions;

/// <summary>The bank file of a roll (streamed).</summary>
public sealed record ExportPaymentRollQuery(Guid RollId) : IQuery<PaymentRollExport>;

/// <summary>The roll and its rows as a stream (read by the response writer, never held in memory).</summary>
public sealed record PaymentRollExport(PaymentRollDto Roll, IAsyncEnumerable<PaymentExportRow> Rows, bool ShowIdNumbers);
