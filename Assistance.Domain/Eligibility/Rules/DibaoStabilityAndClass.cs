namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Households;
using Assistance.Domain.Policy;

/// <summary>
/// R-15; S0 二; S2 二(四): a dibao unit is Unstable when a member of working age has Full labour capacity or
/// any income item is flagged unstable. Class A = Stable and (everyone lacks labour capacity, or one has a
/// severe condition); B = other Stable; C = Unstable. The review interval follows the stability.
/// </summary>
internal static class DibaoStabilityAndClass
{
    public const string Rule = "R-15";
    public const string Source = "S0 二; S2 二(四); N-57 Art.31";

    public static (Stability Stability, DibaoClass Class, int ReviewIntervalMonths) Apply(AssessmentContext context, DibaoUnit unit)
    {
        var min = context.Reader.RequireInteger(ParameterCatalog.WorkingAgeMin);
        var max = context.Reader.RequireInteger(ParameterCatalog.WorkingAgeMax);
        var ableBodied = false;
        var unstableIncome = false;
        var allLackLabour = true;
        var anySevere = false;
        foreach (var i in unit.Members)
        {
            var member = context.Members[i];
            var age = context.Ages[i];
            ableBodied |= age >= min && age <= max && member.LaborCapacity == LaborCapacity.Full;
            for (var k = 0; k < member.Incomes.Count; k++)
            {
                unstableIncome |= member.Incomes[k].Unstable;
            }

            allLackLabour &= MemberPredicates.LacksLabourCapacity(context, i);
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
                $"{stability} (able-bodied working-age member: {(ableBodied ? "yes" : "no")}, unstable income: {(unstableIncome ? "yes" : "no")}); class {dibaoClass} (all lack labour capacity: {(allLackLabour ? "yes" : "no")}, severe condition: {(anySevere ? "yes" : "no")}); review every {interval} months");
        }

        return (stability, dibaoClass, interval);
    }
}
