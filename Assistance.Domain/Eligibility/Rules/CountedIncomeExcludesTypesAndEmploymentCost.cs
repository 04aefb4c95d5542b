namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using static Assistance.Domain.Eligibility.TraceFormat;

/// <summary>
/// R-10; S0 一, N-57 Art.13: a member's counted income is the sum of income items whose type is not excluded
/// on D, minus min(wage, employment cost deduction) for an employed member with wage income (step 2).
/// </summary>
internal static class CountedIncomeExcludesTypesAndEmploymentCost
{
    public const string Rule = "R-10";
    public const string Source = "S0 一; N-57 Art.13";

    /// <summary>Counted income of one member with the exclusion list held by <paramref name="excludedTypesKey"/>.</summary>
    public static decimal Of(AssessmentContext context, MemberInput member, ParameterDefinition excludedTypesKey)
    {
        var excluded = context.Reader.Require(excludedTypesKey);
        var total = 0m;
        var wage = 0m;
        // Indexed loop: foreach over an IReadOnlyList boxes its enumerator, and this runs for every member.
        var incomes = member.Incomes;
        for (var k = 0; k < incomes.Count; k++)
        {
            var item = incomes[k];
            if (excluded.ContainsIncomeType(item.Type))
            {
                continue;
            }

            total += item.MonthlyAmount;
            if (item.Type == IncomeType.Wage)
            {
                wage += item.MonthlyAmount;
            }
        }

        var deduction = context.Reader.RequireDecimal(ParameterCatalog.EmploymentCostDeduction);
        if (member.Employed && wage > 0m)
        {
            total -= Math.Min(wage, deduction);
        }

        return total;
    }

    /// <summary>Step 2 for every counted member, with dibao.income.excludedTypes; one trace entry.</summary>
    public static void Apply(AssessmentContext context)
    {
        var detail = context.Tracing ? context.Detail() : null;
        for (var i = 0; i < context.Members.Count; i++)
        {
            if (!context.Facts[i].Counted)
            {
                continue;
            }

            context.Facts[i].DibaoIncome = Of(context, context.Members[i], ParameterCatalog.DibaoIncomeExcludedTypes);
            if (detail is not null)
            {
                if (detail.Length > 0)
                {
                    detail.Append("; ");
                }

                detail.Append(AssessmentContext.Invariant, $"member {i}: counted income {F2(context.Facts[i].DibaoIncome)}");
            }
        }

        if (detail is not null)
        {
            context.Trace(Rule, "income.counted", Source, passed: true, detail.Length == 0 ? "no counted members" : detail.ToString());
        }
    }
}
