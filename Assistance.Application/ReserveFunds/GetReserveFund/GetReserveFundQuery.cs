namespace Assistance.Application.ReserveFunds.GetReserveFund;

using Assistance.Application.Abstractions;

public sealed record GetReserveFundQuery(string TownshipCode) : IQuery<ReserveFundDto>;
