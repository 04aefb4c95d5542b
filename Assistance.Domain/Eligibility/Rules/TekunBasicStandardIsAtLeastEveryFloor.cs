namespace Assistance.Domain.Eligibility;

using System.Text;
using Assistance.Domain.Policy;
using static Assistance.Domain.Eligibility.TraceFormat;

/// <summary>
/// R-12; S1 一.1; S3 三(二)1: tekun basic standard (基本生活标准) B = max(published standard,
/// minMultipleOfDibao × S, minShareOfConsumption × consumption / 12, minShareOfDisposableIncome ×
/// disposable / 12) over the terms that are set; a published standard below a floor is raised to it.
/// A share floor counts only when both its share and its statistic are set. Rounded at the end.
/// </summary>
internal static class TekunBasicStandardIsAtLeastEveryFloor
{
    public const string Rule = "R-12";
    public const string Source = "S1 一.1; S3 三(二)1";
    private const int MonthsPerYear = 12;

    public static decimal Compute(AssessmentContext context)
    {
        var reader = context.Reader;
        var standard = context.ReadStandard();

        // Read in the order the trace lists them; a term is null when its share or statistic is unset.
        var published = reader.OptionalDecimal(ParameterCatalog.TekunBasicStandard);
        var multiple = reader.OptionalDecimal(ParameterCatalog.TekunBasicMinMultipleOfDibao);
        var consumptionShare = reader.OptionalDecimal(ParameterCatalog.TekunBasicMinShareOfConsumption);
        var consumption = reader.OptionalDecimal(ParameterCatalog.ConsumptionPerCapita);
        var incomeShare = reader.OptionalDecimal(ParameterCatalog.TekunBasicMinShareOfDisposableIncome);
        var disposable = reader.OptionalDecimal(ParameterCatalog.DisposableIncomePerCapita);
        var consumptionTerm = consumptionShare * consumption / MonthsPerYear;
        var incomeTerm = incomeShare * disposable / MonthsPerYear;

        var best = Max(Max(Max(published, multiple * standard), consumptionTerm), incomeTerm);
        if (best is not { } raw)
        {
            throw new ParameterNotInForceException(ParameterCatalog.TekunBasicStandard.Key, context.Reader.Parameters.RegionCode, context.Input.AsOf);
        }

        var basic = context.Round(raw);
        if (context.Tracing)
        {
            // Written straight into one builder: the terms that are set, then the floors skipped as unset.
            var detail = context.Detail().Append("basic = max(");
            var first = true;
            if (published is { } p)
            {
                Separate(detail, ref first).Append(AssessmentContext.Invariant, $"standard {F2(p)}");
            }

            if (multiple is { } m)
            {
                Separate(detail, ref first).Append(AssessmentContext.Invariant, $"{G(m)} × {F2(standard)}");
            }

            if (consumptionShare is { } cs && consumption is { } c)
            {
                Separate(detail, ref first).Append(AssessmentContext.Invariant, $"{G(cs)} × {F2(c)} / 12");
            }

            if (incomeShare is { } s && disposable is { } d)
            {
                Separate(detail, ref first).Append(AssessmentContext.Invariant, $"{G(s)} × {F2(d)} / 12");
            }

            detail.Append(AssessmentContext.Invariant, $") = {F2(basic)}");
            if (published is null || multiple is null || consumptionTerm is null || incomeTerm is null)
            {
                detail.Append("; skipped (unset): ");
                first = true;
                if (published is null)
                {
                    Separate(detail, ref first).Append("tekun.basic.standard");
                }

                if (multiple is null)
                {
                    Separate(detail, ref first).Append("tekun.basic.minMultipleOfDibao");
                }

                if (consumptionTerm is null)
                {
                    Unset(Separate(detail, ref first), "tekun.basic.minShareOfConsumption", consumptionShare, ParameterCatalog.ConsumptionPerCapita.Key, consumption);
                }

                if (incomeTerm is null)
                {
                    Unset(Separate(detail, ref first), "tekun.basic.minShareOfDisposableIncome", incomeShare, ParameterCatalog.DisposableIncomePerCapita.Key, disposable);
                }
            }

            context.Trace(Rule, "tekun.basic-standard", Source, passed: true, detail.ToString());
        }

        return basic;
    }

    private static decimal? Max(decimal? best, decimal? term) =>
        term is not { } value ? best : best is { } b ? Math.Max(b, value) : value;

    private static StringBuilder Separate(StringBuilder detail, ref bool first)
    {
        if (!first)
        {
            detail.Append(", ");
        }

        first = false;
        return detail;
    }

    // The skipped floor names what is missing: its share, its statistic, or both.
    private static void Unset(StringBuilder detail, string shareKey, decimal? share, string statisticKey, decimal? statistic)
    {
        detail.Append(shareKey);
        if (share is null && statistic is null)
        {
            detail.Append(" and ").Append(statisticKey);
        }
        else if (share is not null && statistic is null)
        {
            detail.Append(" (statistic ").Append(statisticKey).Append(" unset)");
        }
    }
}
