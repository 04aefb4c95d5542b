namespace Assistance.Domain.Eligibility;

/// <summary>
/// payment.rounding (domain.md §2, §3 step 6): Cent = 0.01, half away from zero; Yuan = round up to the
/// whole yuan. Applied once, at the end of each amount. Results carry two decimals (money in the contract).
/// </summary>
internal static class PaymentRoundingRule
{
    public const string Cent = "Cent";
    public const string Yuan = "Yuan";

    public static decimal Apply(decimal amount, string rounding)
    {
        var rounded = rounding switch
        {
            Yuan => decimal.Ceiling(amount),
            _ => decimal.Round(amount, 2, MidpointRounding.AwayFromZero),
        };

        // Adding 0.00m gives the decimal two places of scale, so 1170 is carried as 1170.00.
        return rounded + 0.00m;
    }
}
