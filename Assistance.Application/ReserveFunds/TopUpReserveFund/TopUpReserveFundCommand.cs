namespace Assistance.Application.ReserveFunds.TopUpReserveFund;

using Assistance.Application.Abstractions;

// 备用金拨付: money put into a township's reserve fund.
public sealed record TopUpReserveFundCommand(string TownshipCode, decimal Amount, string? Reason) : ICommand<ReserveFundDto>;
