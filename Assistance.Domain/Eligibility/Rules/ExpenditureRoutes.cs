namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Policy;
using static Assistance.Domain.Eligibility.TraceFormat;

/// <summary>
/// R-16: the two expenditure-type hardship (支出型困难) routes of step 5, each switched on by its own flag so both
/// can be in force in one region on one date: DibaoInclusion (expenditure.dibaoInclusion.enabled; S3 三(二)1:
/// income within a multiple of S and rigid spending pulls it below S → dibao) and RigidShare
/// (expenditure.rigidShare.enabled; N-2025: rigid spending is a large share of income → ExpenditureHardship,
/// no cash).
/// </summary>
internal static class ExpenditureRoutes
{
    public const string Rule = "R-16";
    public const string InclusionSource = "S3 三(二)1";
    public const string RigidShareSource = "N-2025";
    private const int MonthsPerYear = 12;

    // The three "not evaluated" details are fixed texts: built once, not per assessment.
    private static readonly string UnsetBoth = $"not evaluated: {ParameterCatalog.ExpenditureMinRigidShareOfIncome.Key} and {ParameterCatalog.DisposableIncomePerCapita.Key} unset";
    private static readonly string UnsetShare = $"not evaluated: {ParameterCatalog.ExpenditureMinRigidShareOfIncome.Key} unset";
    private static readonly string UnsetStatistic = $"not evaluated: {ParameterCatalog.DisposableIncomePerCapita.Key} unset";

    /// <summary>Whether a route's flag is on; traced as its own entry so a reader sees why a route was not tried.</summary>
    public static bool IsEnabled(AssessmentContext context, ParameterDefinition flag, string name, string source)
    {
        var enabled = context.Reader.RequireBoolean(flag);
        if (context.Tracing)
        {
            context.Trace(Rule, name, source, enabled, string.Concat(flag.Key, enabled ? " = true" : " = false"));
        }

        return enabled;
    }

    /// <summary>DibaoInclusion: assets pass, P ≤ max × S and P − rigid/n &lt; S → amount min(S × n, (S − (P − rigid/n)) × n); null when not met.</summary>
    public static decimal? DibaoByInclusion(AssessmentContext context, DibaoUnit unit, bool assetsPass)
    {
        var standard = context.ReadStandard();
        var multiple = context.Reader.RequireDecimal(ParameterCatalog.ExpenditureMaxMultipleOfStandard);
        var rigid = context.Input.MonthlyRigidExpenditure;
        var n = unit.N;

        // Compared multiplied through by n, so no division rounds: P ≤ m × S ⇔ total ≤ m × S × n.
        var withinMultiple = unit.TotalIncome <= multiple * standard * n;
        var belowAfterRigid = unit.TotalIncome - rigid < standard * n;
        var eligible = assetsPass && withinMultiple && belowAfterRigid;
        decimal? amount = eligible
            ? context.Round(Math.Min(standard * n, (standard * n) - (unit.TotalIncome - rigid)))
            : null;
        if (context.Tracing)
        {
            var detail = context.Detail()
                .Append(AssessmentContext.Invariant, $"P = {F2(unit.TotalIncome, unit.N)} {(withinMultiple ? "≤" : ">")} {G(multiple)} × S {F2(standard)}; ")
                .Append(AssessmentContext.Invariant, $"P − rigid/n = {F2(unit.PerCapitaIncome - (rigid / n))} {(belowAfterRigid ? "<" : "≥")} S; assets pass {(assetsPass ? "yes" : "no")}");
            if (amount is { } a)
            {
                detail.Append(AssessmentContext.Invariant, $"; amount = min(S × n, (S − (P − rigid/n)) × n) = {F2(a)}");
            }

            context.Trace(Rule, "expenditure.dibao-inclusion", InclusionSource, eligible, detail.ToString());
        }

        return amount;
    }

    /// <summary>
    /// RigidShare: assets pass; P &lt; disposable / 12; rigid / (P × n) &gt; minRigidShareOfIncome (infinite when
    /// income is 0 and rigid &gt; 0). Not evaluated — never refused — while minRigidShareOfIncome or the
    /// disposable-income statistic is unset; the trace names which.
    /// </summary>
    public static bool IsExpenditureHardship(AssessmentContext context, DibaoUnit unit, bool assetsPass)
    {
        var minShare = context.Reader.OptionalDecimal(ParameterCatalog.ExpenditureMinRigidShareOfIncome);
        var statistic = context.Reader.OptionalDecimal(ParameterCatalog.DisposableIncomePerCapita);
        if (minShare is not { } share || statistic is not { } disposable)
        {
            if (context.Tracing)
            {
                var unset = (minShare, statistic) switch
                {
                    (null, null) => UnsetBoth,
                    (null, _) => UnsetShare,
                    _ => UnsetStatistic,
                };
                context.Trace(Rule, "expenditure.rigid-share", RigidShareSource, passed: false, unset);
            }

            return false;
        }

        var rigid = context.Input.MonthlyRigidExpenditure;
        var total = unit.TotalIncome;

        // P < disposable / 12 ⇔ 12 × total < disposable × n; rigid / total > share ⇔ rigid > share × total.
        var belowDisposable = MonthsPerYear * total < disposable * unit.N;
        var shareExceeded = total == 0m ? rigid > 0m : rigid > share * total;
        var eligible = assetsPass && belowDisposable && shareExceeded;
        if (context.Tracing)
        {
            var detail = context.Detail().Append(AssessmentContext.Invariant, $"P = {F2(unit.TotalIncome, unit.N)} {(belowDisposable ? "<" : "≥")} disposable/12 = {F2(disposable / MonthsPerYear)}; rigid / income = ");
            if (total == 0m)
            {
                detail.Append(rigid > 0m ? "∞" : "0");
            }
            else
            {
                detail.Append(AssessmentContext.Invariant, $"{G(decimal.Round(rigid / total, 4))}");
            }

            detail.Append(AssessmentContext.Invariant, $" {(shareExceeded ? ">" : "≤")} {G(share)}; assets pass {(assetsPass ? "yes" : "no")}");
            context.Trace(Rule, "expenditure.rigid-share", RigidShareSource, eligible, detail.ToString());
        }

        return eligible;
    }
}
