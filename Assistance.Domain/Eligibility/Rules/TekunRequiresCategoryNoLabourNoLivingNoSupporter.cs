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
                // into the thread's detail buffer by the span-based handler and copied once into the string (issue
                // 14). Its text between the numbers depends only on the booleans, so each such stretch is a
                // prebuilt fragment (see Fragments): 13 appends instead of 42, the same characters.
                string.Create(
                    AssessmentContext.Invariant,
                    context.DetailBuffer(),
                    $"member {index}: age {age}{Fragments.Category[Bit(category)]}{elderlyAge}{Fragments.Elderly[Bit(isElderly)]}{minorAgeLimit}"
                    + $"{Fragments.MinorToLiving[Bit(isMinor) | (Bit(qualifyingDisability) << 1) | (Bit(continuing) << 2) | (Bit(noLabour) << 3) | (Bit(noLiving) << 4)]}"
                    + $"{F2(tekunIncome)}{(tekunIncome < standard ? " < S " : " ≥ S ")}{F2(standard)}{Fragments.AssetsAndSupporter[Bit(assetsPass) | (Bit(noSupporter) << 1)]}"));
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

    private static int Bit(bool value) => value ? 1 : 0;

    /// <summary>
    /// The R-11 detail's text between its numbers, one string per combination of the booleans it shows, built once
    /// from the same words. The detail reads:
    /// <c>member {index}: age {age}; category {yes|no} (elderly ≥ {elderlyAge}: {yes|no}, minor &lt; {minorAgeLimit}:
    /// {yes|no}, qualifying disability: {yes|no}, continuing minor (R-34): {yes|no}); no labour capacity {yes|no}; no
    /// source of living {yes|no} (tekun income {F2} {&lt;|≥} S {F2}, assets pass {yes|no}); no capable supporter {yes|no}</c>.
    /// </summary>
    private static class Fragments
    {
        /// <summary>Indexed by category.</summary>
        public static readonly string[] Category = [.. Bools(1, b => $"; category {Yes(b[0])} (elderly ≥ ")];

        /// <summary>Indexed by elderly.</summary>
        public static readonly string[] Elderly = [.. Bools(1, b => $": {Yes(b[0])}, minor < ")];

        /// <summary>Indexed by minor | disability &lt;&lt; 1 | continuing &lt;&lt; 2 | no labour &lt;&lt; 3 | no living &lt;&lt; 4.</summary>
        public static readonly string[] MinorToLiving =
        [
            .. Bools(5, b => $": {Yes(b[0])}, qualifying disability: {Yes(b[1])}, continuing minor (R-34): {Yes(b[2])}); "
                + $"no labour capacity {Yes(b[3])}; no source of living {Yes(b[4])} (tekun income "),
        ];

        /// <summary>Indexed by assets pass | no supporter &lt;&lt; 1.</summary>
        public static readonly string[] AssetsAndSupporter = [.. Bools(2, b => $", assets pass {Yes(b[0])}); no capable supporter {Yes(b[1])}")];

        // Every combination of `count` booleans, combination k having boolean i = bit i of k.
        private static IEnumerable<string> Bools(int count, Func<bool[], string> text)
        {
            for (var k = 0; k < 1 << count; k++)
            {
                var bits = new bool[count];
                for (var i = 0; i < count; i++)
                {
                    bits[i] = ((k >> i) & 1) == 1;
                }

                yield return text(bits);
            }
        }
    }
}
