namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Policy;
using static Assistance.Domain.Eligibility.TraceFormat;

/// <summary>
/// R-18; N-57 Art.8: a dibao-ineligible unit is marginal (低保边缘) when P &lt; marginal.maxMultipleOfStandard × S
/// and assets pass. No cash by default; it unlocks special assistance and 单人保 (R-17).
/// </summary>
internal static class MarginalBelowMultipleOfStandard
{
    public const string Rule = "R-18";
    public const string Source = "N-57 Art.8";

    public static bool Apply(AssessmentContext context, DibaoUnit unit, bool assetsPass)
    {
        var standard = context.ReadStandard();
        var multiple = context.Reader.RequireDecimal(ParameterCatalog.MarginalMaxMultipleOfStandard);
        var below = unit.TotalIncome < multiple * standard * unit.N;
        var marginal = below && assetsPass;
        if (context.Tracing)
        {
            context.Trace(
                Rule,
                "dibao.marginal",
                Source,
                marginal,
                string.Create(AssessmentContext.Invariant, context.DetailBuffer(), $"P = {F2(unit.TotalIncome, unit.N)} {(below ? "<" : "≥")} {G(multiple)} × S {F2(standard)}; assets pass {(assetsPass ? "yes" : "no")}"));
        }

        return marginal;
    }
}
