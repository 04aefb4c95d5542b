namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Policy;
using static Assistance.Domain.Eligibility.TraceFormat;

/// <summary>
/// Shared predicate "assets pass" (domain.md §3; used by R-11, R-14, R-16, R-18): financial assets per counted
/// member ≤ maxFinancialMonthsPerCapita × S, and no disqualifying motor vehicle. Typical local practice.
/// </summary>
internal static class AssetsWithinLimits
{
    public const string Rule = "R-14";
    public const string Source = "N-57 Art.13–14 (typical local practice)";

    public static bool Apply(AssessmentContext context)
    {
        var assets = context.Input.Assets;
        var standard = context.ReadStandard();
        var months = context.Reader.RequireDecimal(ParameterCatalog.MaxFinancialMonthsPerCapita);
        var vehicleDisqualifies = context.Reader.RequireBoolean(ParameterCatalog.MotorVehicleDisqualifies);
        var n = context.CountedMembers;

        // financial / n ≤ months × S, compared as financial ≤ months × S × n so no division rounds.
        var financialPass = assets.Financial <= months * standard * n;
        var vehiclePass = !(assets.MotorVehicles > 0 && vehicleDisqualifies);
        var pass = financialPass && vehiclePass;
        if (context.Tracing)
        {
            context.Trace(
                Rule,
                "assets",
                Source,
                pass,
                string.Create(AssessmentContext.Invariant, context.DetailBuffer(), $"financial per counted member {F2(assets.Financial, n)} {(financialPass ? "≤" : ">")} {G(months)} × {F2(standard)}; motor vehicles {assets.MotorVehicles}{(vehiclePass ? string.Empty : " (disqualifying)")}"));
        }

        return pass;
    }
}
