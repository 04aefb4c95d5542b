namespace Assistance.Application.PaymentRolls.GenerateMonthlyPaymentRolls;

using Assistance.Application.Abstractions;

/// <summary>
/// The scheduled monthly run for one county (for the scheduler): the rolls of every cash programme for the month,
/// each generated once (an existing roll is returned as it is), in the caller's transaction, whatever their size.
/// </summary>
public sealed record GenerateMonthlyPaymentRollsCommand(string? RegionCode, string? Month) : ICommand<IReadOnlyList<PaymentRollDto>>;
