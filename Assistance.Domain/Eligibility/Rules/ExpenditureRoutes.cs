namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Policy;

/// <summary>
/// R-16: how expenditure-type hardship (支出型困难) is recognised, by expenditure.route — None, DibaoInclusion
/// (S3 三(二)1: income within a multiple of S and rigid spending pulls it below S → dibao) or RigidShare
/// (N-2025: rigid spending is a large share of income → ExpenditureHardship, no cash). Step 5 of §3.
/// </summary>
internal static class ExpenditureRoutes
{
    public const string Rule = "R-16";
    public const string InclusionSource = "S3 三(二)1";
    public const string RigidShareSource = "N-2025";
    public const string RouteSource = "S3 三(二)1; N-2025";
    public const string None = "None";
    public const string DibaoInclusion = "DibaoInclusion";
    public const string RigidShare = "RigidShare";
    private const int MonthsPerYear = 12;

    public static string ReadRoute(AssessmentContext context)
    {
        var route = context.Reader.RequireString(ParameterCatalog.ExpenditureRoute);
        if (context.Tracing)
        {
            context.Trace(Rule, "expenditure.route", RouteSource, passed: route != None, $"expenditure route in force: {route}");
        }

        return route;
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
            var detail = $"P = {AssessmentContext.Money(unit.PerCapitaIncome)} {(withinMultiple ? "≤" : ">")} {AssessmentContext.Number(multiple)} × S {AssessmentContext.Money(standard)}; "
                + $"P − rigid/n = {AssessmentContext.Money(unit.PerCapitaIncome - (rigid / n))} {(belowAfterRigid ? "<" : "≥")} S; assets pass {(assetsPass ? "yes" : "no")}";
            if (amount is { } a)
            {
                detail += $"; amount = min(S × n, (S − (P − rigid/n)) × n) = {AssessmentContext.Money(a)}";
            }

            context.Trace(Rule, "expenditure.dibao-inclusion", InclusionSource, eligible, detail);
        }

        return amount;
    }

    /// <summary>
    /// RigidShare: assets pass; P &lt; disposable / 12; rigid / (P × n) &gt; minRigidShareOfIncome (infinite when
    /// income is 0 and rigid &gt; 0). Not evaluated while minRigidShareOfIncome is unset.
    /// </summary>
    public static bool IsExpenditureHardship(AssessmentContext context, DibaoUnit unit, bool assetsPass)
    {
        var minShare = context.Reader.OptionalDecimal(ParameterCatalog.ExpenditureMinRigidShareOfIncome);
        if (minShare is not { } share)
        {
            context.Trace(Rule, "expenditure.rigid-share", RigidShareSource, passed: false, "not evaluated: expenditure.minRigidShareOfIncome is unset");
            return false;
        }

        var disposable = context.Reader.RequireDecimal(ParameterCatalog.DisposableIncomePerCapita);
        var rigid = context.Input.MonthlyRigidExpenditure;
        var total = unit.TotalIncome;

        // P < disposable / 12 ⇔ 12 × total < disposable × n; rigid / total > share ⇔ rigid > share × total.
        var belowDisposable = MonthsPerYear * total < disposable * unit.N;
        var shareExceeded = total == 0m ? rigid > 0m : rigid > share * total;
        var eligible = assetsPass && belowDisposable && shareExceeded;
        if (context.Tracing)
        {
            var ratio = total == 0m ? (rigid > 0m ? "∞" : "0") : AssessmentContext.Number(decimal.Round(rigid / total, 4));
            context.Trace(
                Rule,
                "expenditure.rigid-share",
                RigidShareSource,
                eligible,
                $"P = {AssessmentContext.Money(unit.PerCapitaIncome)} {(belowDisposable ? "<" : "≥")} disposable/12 = {AssessmentContext.Money(disposable / MonthsPerYear)}; rigid / income = {ratio} {(shareExceeded ? ">" : "≤")} {AssessmentContext.Number(share)}; assets pass {(assetsPass ? "yes" : "no")}");
        }

        return eligible;
    }
}
