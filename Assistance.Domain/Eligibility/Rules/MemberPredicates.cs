namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Households;
using Assistance.Domain.Policy;

/// <summary>Shared predicates of domain.md §3 about one member.</summary>
internal static class MemberPredicates
{
    /// <summary>Qualifying disability (N-43 Art.5): Intellectual or Mental grade 1–3, Physical 1–2, Visual 1.</summary>
    public static bool HasQualifyingDisability(MemberInput member) => member.Disability switch
    {
        { Category: DisabilityCategory.Intellectual or DisabilityCategory.Mental, Grade: >= 1 and <= 3 } => true,
        { Category: DisabilityCategory.Physical, Grade: >= 1 and <= 2 } => true,
        { Category: DisabilityCategory.Visual, Grade: 1 } => true,
        _ => false,
    };

    /// <summary>Severe condition (for 单人保 and class A): grade 1–2 of any category, grade 3 Intellectual or Mental, or serious illness.</summary>
    public static bool HasSevereCondition(MemberInput member) =>
        member.SeriousIllness || member.Disability switch
        {
            { Grade: >= 1 and <= 2 } => true,
            { Category: DisabilityCategory.Intellectual or DisabilityCategory.Mental, Grade: 3 } => true,
            _ => false,
        };

    /// <summary>Lacks labour capacity: capacity None, age outside labour.workingAge [min, max], or a qualifying disability.</summary>
    public static bool LacksLabourCapacity(AssessmentContext context, int index)
    {
        var member = context.Members[index];
        var age = context.Facts[index].Age;
        var min = context.Reader.RequireInteger(ParameterCatalog.WorkingAgeMin);
        var max = context.Reader.RequireInteger(ParameterCatalog.WorkingAgeMax);
        return member.LaborCapacity == LaborCapacity.None || age < min || age > max || HasQualifyingDisability(member);
    }
}
