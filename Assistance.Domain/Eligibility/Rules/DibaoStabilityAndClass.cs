namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Policy;

/// <summary>
/// R-15; S0 二 ("家庭成员有劳动能力…每半年核查一次"); S2 二(四): a dibao unit is Unstable when a member does not
/// lack labour capacity (working age, capacity Full or Partial, no qualifying disability) or any income item is
/// flagged unstable. Class A = Stable and (everyone lacks labour capacity, or one has a
/// severe condition); B = other Stable; C = Unstable. The review interval follows the stability.
/// </summary>
internal static class DibaoStabilityAndClass
{
    public const string Rule = "R-15";
    public const string Source = "S0 二; S2 二(四); N-57 Art.31";

    public static (Stability Stability, DibaoClass Class, int ReviewIntervalMonths) Apply(AssessmentContext context, DibaoUnit unit)
    {
        var ableBodied = false;
        var unstableIncome = false;
        var allLackLabour = true;
        var anySevere = false;
        foreach (var i in unit.Members)
        {
            var member = context.Members[i];
            var lacksLabour = MemberPredicates.LacksLabourCapacity(context, i);

            // Partial capacity is still labour capacity (有劳动能力): only the shared predicate decides.
            ableBodied |= !lacksLabour;
            for (var k = 0; k < member.Incomes.Count; k++)
            {
                unstableIncome |= member.Incomes[k].Unstable;
            }

            allLackLabour &= lacksLabour;
            anySevere |= MemberPredicates.HasSevereCondition(member);
        }

        var stability = ableBodied || unstableIncome ? Stability.Unstable : Stability.Stable;
        var dibaoClass = stability == Stability.Unstable
            ? DibaoClass.C
            : allLackLabour || anySevere ? DibaoClass.A : DibaoClass.B;
        var interval = context.Reader.RequireInteger(stability == Stability.Stable
            ? ParameterCatalog.ReviewIntervalDibaoStable
            : ParameterCatalog.ReviewIntervalDibaoUnstable);
        if (context.Tracing)
        {
            context.Trace(
                Rule,
                "dibao.stability-class",
                Source,
                passed: true,
                string.Create(AssessmentContext.Invariant, context.DetailBuffer(), $"{stability} (member with labour capacity: {(ableBodied ? "yes" : "no")}, unstable income: {(unstableIncome ? "yes" : "no")}); class {dibaoClass} (all lack labour capacity: {(allLackLabour ? "yes" : "no")}, severe condition: {(anySevere ? "yes" : "no")}); review every {interval} months"));
        }

        return (stability, dibaoClass, interval);
    }
}
