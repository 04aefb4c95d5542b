namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Common;

/// <summary>
/// payment.rounding (domain.md §2, §3 step 6): Cent = 0.01, half away from zero; Yuan = round up to the
/// whole yuan. Applied once, at the end of each amount. The rounding itself is <see cref="Money"/>'s; this rule only
/// picks which one the parameter names. Results carry two decimals (money in the contract).
/// </summary>
internal static class PaymentRoundingRule
{
    public const string Cent = "Cent";
    public const string Yuan = "Yuan";

    public static Money Round(decimal amount, string rounding) => rounding switch
    {
        Yuan => Money.RoundUpToYuan(amount),
        _ => Money.RoundToFen(amount),
    };

    public static decimal Apply(decimal amount, string rounding) => Round(amount, rounding).Yuan;
}
