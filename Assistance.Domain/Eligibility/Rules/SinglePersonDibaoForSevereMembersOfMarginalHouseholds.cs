namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Policy;
using static Assistance.Domain.Eligibility.TraceFormat;

/// <summary>
/// R-17; S0 一; S2 二(四); S1 一.3; N-57 Art.8: in a marginal household and while dibao.singlePerson.enabled,
/// each member with a severe condition whose own counted income is below S is enrolled alone (单人保) with
/// S − own income.
/// </summary>
internal static class SinglePersonDibaoForSevereMembersOfMarginalHouseholds
{
    public const string Rule = "R-17";
    public const string Source = "S0 一; S2 二(四); S1 一.3; N-57 Art.8";

    public static void Apply(AssessmentContext context, DibaoUnit unit)
    {
        var enabled = context.Reader.RequireBoolean(ParameterCatalog.SinglePersonEnabled);
        if (!enabled)
        {
            context.Trace(Rule, "dibao.single-person", Source, passed: false, "single-person dibao is not enabled on this date");
            return;
        }

        var standard = context.ReadStandard();
        foreach (var i in unit.Members)
        {
            var severe = MemberPredicates.HasSevereCondition(context.Members[i]);
            var own = context.Facts[i].DibaoIncome;
            var enrolled = severe && own < standard;
            if (enrolled)
            {
                context.Facts[i].Outcome = AssessmentOutcome.DibaoSinglePerson;
                context.Facts[i].Amount = context.Round(standard - own);
            }

            if (context.Tracing)
            {
                var detail = context.Detail().Append(
                    AssessmentContext.Invariant,
                    $"member {i}: severe condition {(severe ? "yes" : "no")}; own counted income {F2(own)} {(own < standard ? "<" : "≥")} S {F2(standard)}");
                if (enrolled)
                {
                    detail.Append(AssessmentContext.Invariant, $"; amount = S − own = {F2(context.Facts[i].Amount!.Value)}");
                }

                context.Trace(Rule, "dibao.single-person", Source, enrolled, detail.ToString());
            }
        }
    }
}
