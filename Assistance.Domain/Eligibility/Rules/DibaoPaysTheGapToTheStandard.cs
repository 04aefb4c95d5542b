namespace Assistance.Domain.Eligibility;

using static Assistance.Domain.Eligibility.TraceFormat;

/// <summary>
/// R-14; S3 三(一); N-57 Art.13–14, 23: the dibao unit (低保) is eligible when P &lt; S and assets pass; the
/// amount is (S − P) × n, the gap to the standard (补差). Step 4 of domain.md §3.
/// </summary>
internal static class DibaoPaysTheGapToTheStandard
{
    public const string Rule = "R-14";
    public const string Source = "S3 三(一); N-57 Art.13–14, 23";

    /// <summary>Returns the rounded household amount, or null when not eligible.</summary>
    public static decimal? Apply(AssessmentContext context, DibaoUnit unit, bool assetsPass)
    {
        var standard = context.ReadStandard();

        // P < S compared as total < S × n: exact, no division.
        var belowStandard = unit.TotalIncome < standard * unit.N;
        var eligible = belowStandard && assetsPass;
        decimal? amount = eligible ? context.Round((standard * unit.N) - unit.TotalIncome) : null;
        if (context.Tracing)
        {
            var detail = context.Detail().Append(
                AssessmentContext.Invariant,
                $"n = {unit.N}; P = {F2(unit.TotalIncome)} / {unit.N} = {F2(unit.TotalIncome, unit.N)} {(belowStandard ? "<" : "≥")} S {F2(standard)}; assets pass {(assetsPass ? "yes" : "no")}");
            if (amount is { } a)
            {
                detail.Append(AssessmentContext.Invariant, $"; amount = (S − P) × n = {F2(a)}");
            }

            context.Trace(Rule, "dibao.income-test", Source, eligible, detail.ToString());
        }

        return amount;
    }
}
