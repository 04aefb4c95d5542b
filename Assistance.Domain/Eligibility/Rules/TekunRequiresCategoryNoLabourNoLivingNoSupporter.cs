namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Policy;
using static Assistance.Domain.Eligibility.TraceFormat;

/// <summary>
/// R-11; S3 三(一); S2 二(四); N-43 Art.4–8: a counted member is tekun (特困人员) when all hold — category
/// (elderly, minor, or qualifying disability), no labour capacity (or a minor), no source of living (tekun
/// counted income below S and assets pass), and no capable legal supporter. Step 3 of domain.md §3.
/// A continuing minor (R-34; N-43) — currently enrolled as tekun since before tekun.minorAgeLimit, still in school,
/// and tekun.continueInSchoolAfterMinorAge on — keeps both the category and "no labour capacity" after the limit.
/// </summary>
internal static class TekunRequiresCategoryNoLabourNoLivingNoSupporter
{
    public const string Rule = "R-11";
    public const string Source = "S3 三(一); S2 二(四); N-43 Art.4–8";
    public const string ContinuationRule = "R-34";

    public static bool IsTekun(AssessmentContext context, int index, bool assetsPass)
    {
        var member = context.Members[index];
        var age = context.Facts[index].Age;
        var elderlyAge = context.Reader.RequireInteger(ParameterCatalog.TekunElderlyAge);
        var minorAgeLimit = context.Reader.RequireInteger(ParameterCatalog.TekunMinorAgeLimit);
        var isElderly = age >= elderlyAge;
        var isMinor = age < minorAgeLimit;
        var qualifyingDisability = MemberPredicates.HasQualifyingDisability(member);
        var continuing = !isMinor && IsContinuingMinor(context, index, minorAgeLimit);
        var category = isElderly || isMinor || qualifyingDisability || continuing;

        var lacksLabour = MemberPredicates.LacksLabourCapacity(context, index);
        var noLabour = lacksLabour || isMinor || continuing;

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
                // The longest and most frequent detail (about 250 characters, once per counted member): written
                // into the thread's detail buffer by the span-based handler and copied once into the string, instead of
                // through the builder's chunk checks per hole (issue 14). Same invariant formatting either way.
                string.Create(
                    AssessmentContext.Invariant,
                    context.DetailBuffer(),
                    $"member {index}: age {age}; category {Yes(category)} (elderly ≥ {elderlyAge}: {Yes(isElderly)}, minor < {minorAgeLimit}: {Yes(isMinor)}, qualifying disability: {Yes(qualifyingDisability)}, continuing minor (R-34): {Yes(continuing)}); "
                    + $"no labour capacity {Yes(noLabour)}; no source of living {Yes(noLiving)} (tekun income {F2(tekunIncome)} {(tekunIncome < standard ? "<" : "≥")} S {F2(standard)}, assets pass {Yes(assetsPass)}); "
                    + $"no capable supporter {Yes(noSupporter)}"));
            if (!isMinor && member.TekunSince is { } since)
            {
                var continues = context.Reader.RequireBoolean(ParameterCatalog.TekunContinueInSchool);
                context.Trace(
                    ContinuationRule,
                    "tekun.continuing-minor",
                    "N-43; R-34",
                    continuing,
                    string.Create(AssessmentContext.Invariant, context.DetailBuffer(), $"member {index}: tekun since {since:yyyy-MM-dd} at age {AssessmentContext.AgeAt(context.Facts[index].BirthDate, since)} (minor age limit {minorAgeLimit}); in school {Yes(member.InSchool)}; tekun.continueInSchoolAfterMinorAge {Yes(continues)}"));
            }
        }

        return tekun;
    }

    /// <summary>
    /// R-34; N-43: enrolled as tekun (tekunSince) before reaching the minor age limit, still in school, and the
    /// region keeps such persons in support. Only asked once the member is past the limit; traced after R-11.
    /// </summary>
    private static bool IsContinuingMinor(AssessmentContext context, int index, int minorAgeLimit)
    {
        var member = context.Members[index];
        if (member.TekunSince is not { } since)
        {
            return false;
        }

        var enrolledAsMinor = AssessmentContext.AgeAt(context.Facts[index].BirthDate, since) < minorAgeLimit;
        var continues = context.Reader.RequireBoolean(ParameterCatalog.TekunContinueInSchool);
        var continuing = enrolledAsMinor && member.InSchool && continues;
        return continuing;
    }

    private static string Yes(bool value) => value ? "yes" : "no";
}
