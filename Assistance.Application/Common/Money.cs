namespace Assistance.Application.Common;

/// <summary>Money in responses: yuan with exactly two decimals (api.md), so 1170 is written as 1170.00.</summary>
public static class Money
{
    public static decimal TwoDecimals(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;

    public static decimal? TwoDecimals(decimal? value) => value is { } v ? TwoDecimals(v) : null;
}
