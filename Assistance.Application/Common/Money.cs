namespace Assistance.Application.Common;

/// <summary>
/// Money in responses: yuan with exactly two decimals (api.md), so 1170 is written as 1170.00. The rounding and the
/// scale are those of the domain's <see cref="Domain.Common.Money"/>.
/// </summary>
public static class Money
{
    public static decimal TwoDecimals(decimal value) => Domain.Common.Money.RoundToFen(value).Yuan;

    public static decimal? TwoDecimals(decimal? value) => value is { } v ? TwoDecimals(v) : null;
}
