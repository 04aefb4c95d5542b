namespace Assistance.Application.PaymentRolls.RecordBankReturn;

using Assistance.Application.Abstractions;

/// <summary>Records the bank's return file for a roll: lines Paid or Failed .</summary>
public sealed record RecordBankReturnCommand(Guid RollId, string? Csv) : ICommand<BankReturnResultDto>;
