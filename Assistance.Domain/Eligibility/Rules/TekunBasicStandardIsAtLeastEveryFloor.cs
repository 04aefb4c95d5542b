namespace Assistance.Domain.Eligibility;

using System.Text;
using Assistance.Domain.Policy;

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
        decimal? best = null;
        var terms = context.Tracing ? new StringBuilder() : null;
        var skipped = context.Tracing ? new StringBuilder() : null;

        var published = reader.OptionalDecimal(ParameterCatalog.TekunBasicStandard);
        Consider(published, "standard " + (published is { } p ? AssessmentContext.Money(p) : string.Empty), "tekun.basic.standard");

        var multiple = reader.OptionalDecimal(ParameterCatalog.TekunBasicMinMultipleOfDibao);
        Consider(multiple * standard, multiple is { } m ? $"{AssessmentContext.Number(m)} × {AssessmentContext.Money(standard)}" : string.Empty, "tekun.basic.minMultipleOfDibao");

        var consumptionShare = reader.OptionalDecimal(ParameterCatalog.TekunBasicMinShareOfConsumption);
        var consumption = reader.OptionalDecimal(ParameterCatalog.ConsumptionPerCapita);
        Consider(
            consumptionShare * consumption / MonthsPerYear,
            consumptionShare is { } cs && consumption is { } c ? $"{AssessmentContext.Number(cs)} × {AssessmentContext.Money(c)} / 12" : string.Empty,
            Unset("tekun.basic.minShareOfConsumption", consumptionShare, ParameterCatalog.ConsumptionPerCapita.Key, consumption));

        var incomeShare = reader.OptionalDecimal(ParameterCatalog.TekunBasicMinShareOfDisposableIncome);
        var disposable = reader.OptionalDecimal(ParameterCatalog.DisposableIncomePerCapita);
        Consider(
            incomeShare * disposable / MonthsPerYear,
            incomeShare is { } s && disposable is { } d ? $"{AssessmentContext.Number(s)} × {AssessmentContext.Money(d)} / 12" : string.Empty,
            Unset("tekun.basic.minShareOfDisposableIncome", incomeShare, ParameterCatalog.DisposableIncomePerCapita.Key, disposable));

        if (best is not { } raw)
        {
            throw new ParameterNotInForceException(ParameterCatalog.TekunBasicStandard.Key, context.Reader.Parameters.RegionCode, context.Input.AsOf);
        }

        var basic = context.Round(raw);
        if (terms is not null)
        {
            var detail = $"basic = max({terms}) = {AssessmentContext.Money(basic)}";
            if (skipped!.Length > 0)
            {
                detail += $"; skipped (unset): {skipped}";
            }

            context.Trace(Rule, "tekun.basic-standard", Source, passed: true, detail);
        }

        return basic;

        // The skipped floor names what is missing: its share, its statistic, or both.
        static string Unset(string shareKey, decimal? share, string statisticKey, decimal? statistic) =>
            (share, statistic) switch
            {
                (null, null) => $"{shareKey} and {statisticKey}",
                (null, _) => shareKey,
                (_, null) => $"{shareKey} (statistic {statisticKey} unset)",
                _ => shareKey,
            };

        void Consider(decimal? term, string text, string name)
        {
            if (term is not { } value)
            {
                if (skipped is not null)
                {
                    skipped.Append(skipped.Length > 0 ? ", " : string.Empty).Append(name);
                }

                return;
            }

            best = best is { } b ? Math.Max(b, value) : value;
            terms?.Append(terms.Length > 0 ? ", " : string.Empty).Append(text);
        }
    }
}
