namespace Assistance.Application.PriceIndices;

using System.Text.Json;
using Assistance.Application.Policy;
using Assistance.Domain.Payments;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>An R-41 decision with the parameters it read (the trace stored with the roll that pays it).</summary>
public sealed record PriceSubsidyEvaluation(PriceIndexDto Index, PriceSubsidyDecision Decision, string TraceJson);

/// <summary>
/// Resolves the R-41 parameters for a price index (triggers on the index month; the region's urban and rural dibao
/// standards on the index month) and applies <see cref="PriceSubsidyRule"/>. Shared by roll generation and the report.
/// </summary>
public sealed class PriceSubsidyCalculator(IPolicyStore policy)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PriceSubsidyEvaluation> EvaluateAsync(PriceIndexDto index, RegionCode region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        var resolver = await policy.ResolverForAsync(region, cancellationToken).ConfigureAwait(false)
            ?? throw new Common.NotFoundException("Region", region.Value);
        var indexMonth = DateOnly.ParseExact(index.IndexMonth + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var cpiTrigger = Required(resolver, ParameterCatalog.PriceSubsidyCpiTriggerPercent.Key, region, indexMonth);
        var foodTrigger = Required(resolver, ParameterCatalog.PriceSubsidyFoodCpiTriggerPercent.Key, region, indexMonth);
        var urban = resolver.Resolve("dibao.standard.urban", region, indexMonth);
        var rural = resolver.Resolve("dibao.standard.rural", region, indexMonth);
        var decision = PriceSubsidyRule.Decide(
            index.CpiPercent, index.FoodCpiPercent, cpiTrigger.Value.AsDecimal(), foodTrigger.Value.AsDecimal(), Decimal(urban), Decimal(rural));
        if (decision.Triggered && (decision.UrbanPerPerson is null || decision.RuralPerPerson is null))
        {
            // A triggered subsidy is never skipped silently for a residence type whose standard is missing.
            throw new ParameterNotInForceException(decision.UrbanPerPerson is null ? "dibao.standard.urban" : "dibao.standard.rural", region.Value, indexMonth);
        }

        var trace = new
        {
            Rule = PriceSubsidyRule.RuleId,
            PriceSubsidyRule.Source,
            PriceIndexId = index.Id,
            index.IndexMonth,
            index.PublishedOn,
            index.CpiPercent,
            index.FoodCpiPercent,
            decision.Triggered,
            AppliedIndex = decision.AppliedIndex?.ToString(),
            decision.AppliedPercent,
            decision.UrbanPerPerson,
            decision.RuralPerPerson,
            decision.Detail,
            Parameters = new[] { cpiTrigger, foodTrigger, urban, rural }.Where(p => p is not null).Select(p => new
            {
                p!.Key,
                Value = p.Value.IsNull ? null : (decimal?)p.Value.AsDecimal(),
                p.RegionCode,
                p.EffectiveFrom,
                p.Source,
            }),
        };
        return new PriceSubsidyEvaluation(index, decision, JsonSerializer.Serialize(trace, Json));
    }

    private static ResolvedParameter Required(ParameterResolver resolver, string key, RegionCode region, DateOnly date) =>
        resolver.Resolve(key, region, date) is { Value.IsNull: false } found ? found : throw new ParameterNotInForceException(key, region.Value, date);

    private static decimal? Decimal(ResolvedParameter? parameter) => parameter is null || parameter.Value.IsNull ? null : parameter.Value.AsDecimal();
}
