namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Policy;

/// <summary>
/// R-11; S3 三(一); S2 二(四); N-43 Art.4–8: a counted member is tekun (特困人员) when all hold — category
/// (elderly, minor, or qualifying disability), no labour capacity (or a minor), no source of living (tekun
/// counted income below S and assets pass), and no capable legal supporter. Step 3 of domain.md §3.
/// </summary>
internal static class TekunRequiresCategoryNoLabourNoLivingNoSupporter
{
    public const string Rule = "R-11";
    public const string Source = "S3 三(一); S2 二(四); N-43 Art.4–8";

    public static bool IsTekun(AssessmentContext context, int index, bool assetsPass)
    {
        var member = context.Members[index];
        var age = context.Ages[index];
        var elderlyAge = context.Reader.RequireInteger(ParameterCatalog.TekunElderlyAge);
        var minorAgeLimit = context.Reader.RequireInteger(ParameterCatalog.TekunMinorAgeLimit);
        var isElderly = age >= elderlyAge;
        var isMinor = age < minorAgeLimit;
        var qualifyingDisability = MemberPredicates.HasQualifyingDisability(member);
        var category = isElderly || isMinor || qualifyingDisability;

        var lacksLabour = MemberPredicates.LacksLabourCapacity(context, index);
        var noLabour = lacksLabour || isMinor;

        var standard = context.ReadStandard();
        var tekunIncome = CountedIncomeExcludesTypesAndEmploymentCost.Of(context, member, ParameterCatalog.TekunIncomeExcludedTypes);
        var noLiving = tekunIncome < standard && assetsPass;

        var noSupporter = !member.HasCapableSupporter;
        var tekun = category && noLabour && noLiving && noSupporter;
        if (context.Tracing)
        {
            context.Trace(
                Rule,
                "tekun.eligibility",
                Source,
                tekun,
                $"member {index}: age {age}; category {Yes(category)} (elderly ≥ {elderlyAge}: {Yes(isElderly)}, minor < {minorAgeLimit}: {Yes(isMinor)}, qualifying disability: {Yes(qualifyingDisability)}); "
                + $"no labour capacity {Yes(noLabour)}; no source of living {Yes(noLiving)} (tekun income {AssessmentContext.Money(tekunIncome)} {(tekunIncome < standard ? "<" : "≥")} S {AssessmentContext.Money(standard)}, assets pass {Yes(assetsPass)}); "
                + $"no capable supporter {Yes(noSupporter)}");
        }

        return tekun;
    }

    private static string Yes(bool value) => value ? "yes" : "no";
}
