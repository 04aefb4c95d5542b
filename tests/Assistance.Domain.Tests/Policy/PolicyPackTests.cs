namespace Assistance.Domain.Tests.Policy;

using System.Text.RegularExpressions;
using Assistance.Application.Policy;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;
using Assistance.Domain.Tests.Support;

/// <summary>
/// The policy packs as data: well-formed, every source cited exists, demo values flagged, and the temporal
/// coverage (Catala's "couverture temporelle"): every parameter resolves to exactly one value in every seeded
/// region for every month 2019-01 … 2026-12 — no gap, no overlap.
/// </summary>
public partial class PolicyPackTests
{
    private static readonly string[] CoveredRegions = ["320682", "320600", "320000", "320400", "610000", "340300", "340000", "230000", "000000"];
    private static readonly string[] SeedRegions = ["320682", "320400", "610000", "340300", "230000"];

    private static IEnumerable<DateOnly> Months()
    {
        for (var month = new DateOnly(2019, 1, 1); month <= new DateOnly(2026, 12, 1); month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    [Test]
    public void Packs_WhenLoaded_CoverNationalAndEverySeedJurisdiction()
    {
        Assert.That(PolicyData.Packs.Select(p => p.Region.Value), Is.EquivalentTo(new[] { "000000", "320682", "320400", "610000", "340300", "230000" }));
    }

    [Test]
    public void Packs_WhenChecked_HaveNoOverlappingValues()
    {
        Assert.That(ParameterResolver.FindOverlaps(PolicyData.AllValues), Is.Empty);
    }

    // Residence-scoped values (R-02) make coverage a question per residence type: an Urban-only value must not leave
    // rural households with a gap, and each type must see exactly one value at every level.
    [TestCase(ResidenceType.Urban)]
    [TestCase(ResidenceType.Rural)]
    public void Resolve_ForEverySeededRegionMonthAndParameter_FindsExactlyOneValue(ResidenceType residence)
    {
        var gaps = new List<string>();
        foreach (var region in CoveredRegions)
        {
            foreach (var month in Months())
            {
                foreach (var definition in ParameterCatalog.All)
                {
                    // Resolve throws ParameterOverlapException on two values; null here is a gap.
                    if (PolicyData.Resolver.Resolve(definition.Key, RegionCode.Parse(region), month, residence: residence) is null)
                    {
                        gaps.Add($"{region} {month:yyyy-MM} {definition.Key} {residence}");
                    }
                }
            }
        }

        Assert.That(gaps, Is.Empty);
    }

    [Test]
    public void Packs_ResidenceScopedKeys_AreCoveredForBothResidenceTypes()
    {
        // The keys the packs limit to one residence type, each resolved for both types in its region every month.
        var scoped = PolicyData.AllValues.Where(v => v.Residence is not null).Select(v => (v.Key, Region: v.RegionCode.Value)).Distinct().ToList();
        Assert.That(scoped.Select(s => s.Key), Is.SupersetOf(new[] { "tekun.basic.minShareOfConsumption", "tekun.care.minShareOfBasic", "expenditure.dibaoInclusion.enabled", "expenditure.maxMultipleOfStandard", "tekun.basic.standard" }));
        var gaps = from s in scoped
                   from month in Months()
                   from residence in new[] { ResidenceType.Urban, ResidenceType.Rural }
                   where PolicyData.Resolver.Resolve(s.Key, RegionCode.Parse(s.Region), month, residence: residence) is null
                   select $"{s.Region} {month:yyyy-MM} {s.Key} {residence}";
        Assert.That(gaps, Is.Empty);
    }

    [Test]
    public void Resolve_ForEverySeedRegionAndMonth_HasUrbanAndRuralStandards()
    {
        var missing = from region in SeedRegions
                      from month in Months()
                      from key in new[] { "dibao.standard.urban", "dibao.standard.rural" }
                      where PolicyData.Resolver.Resolve(key, RegionCode.Parse(region), month) is not { Value.IsNull: false }
                      select $"{region} {month:yyyy-MM} {key}";
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Packs_WhenSourceCited_NameAKnownDocumentOrTheDemoMarker()
    {
        var ids = PolicySourcesFile.Parse(PolicyData.ReadPolicyFile("sources.json")).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = PolicyData.AllValues
            .Where(v => !v.IsDemo && !v.Value.IsNull)
            .Where(v => !SourceIds().Matches(v.Source).Select(m => m.Value).Any(ids.Contains) && !v.Source.Contains("typical local practice", StringComparison.Ordinal) && !v.Source.Contains("domain.md", StringComparison.Ordinal))
            .Select(v => $"{v.Key} {v.RegionCode}: {v.Source}");
        Assert.That(unknown, Is.Empty);
    }

    [Test]
    public void Packs_WhenDemo_CarryTheDemoSourceText()
    {
        var mislabelled = PolicyData.AllValues.Where(v => v.IsDemo != (v.Source == ParameterValue.DemoSource)).Select(v => $"{v.Key} {v.RegionCode}");
        Assert.That(mislabelled, Is.Empty);
    }

    [Test]
    public void Sources_WhenParsed_ListEveryDocumentOfDomainMd()
    {
        var sources = PolicySourcesFile.Parse(PolicyData.ReadPolicyFile("sources.json"));
        Assert.That(sources.Select(s => s.Id), Is.EquivalentTo(new[] { "S0", "S1", "S2", "S3", "S4", "N-57", "N-43", "N-83", "N-1553", "N-2025", "N-144" }));
        foreach (var file in sources.Where(s => s.File is not null).Select(s => s.File!))
        {
            Assert.That(file, Does.StartWith("seeds/"));
        }

        Assert.That(sources.Single(s => s.Id == "S1").File, Does.EndWith(".repaired.txt"));
    }

    [TestCase("000000", "2021-06-30", 16)]
    [TestCase("000000", "2021-07-01", 18)]
    [TestCase("610000", "2021-04-22", 16)]
    [TestCase("610000", "2021-04-23", 18)]
    [TestCase("340300", "2019-11-12", 16)]
    [TestCase("340300", "2021-07-01", 18)]
    public void Resolve_MinorAgeLimit_FollowsTheDomainTable(string region, string date, int expected)
    {
        var resolved = PolicyData.Resolver.Resolve("tekun.minorAgeLimit", RegionCode.Parse(region), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(resolved!.Value.AsInteger(), Is.EqualTo(expected));
    }

    [TestCase("2022-07-01", "3.5")]
    [TestCase("2022-08-01", "3.0")]
    [TestCase("2023-02-01", "3.0")]
    [TestCase("2023-03-01", "3.5")]
    public void Resolve_CpiTrigger_Is3ForIndexMonthsAugust2022ToFebruary2023(string month, string expected)
    {
        var resolved = PolicyData.Resolver.Resolve("priceSubsidy.cpiTriggerPercent", RegionCode.Parse("320682"), DateOnly.Parse(month, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(resolved!.Value.AsDecimal(), Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Parse_WhenValueHasWrongType_ThrowsNamingThePath()
    {
        const string json = """{ "region": "320682", "title": "t", "values": [ { "key": "tekun.elderlyAge", "from": "2019-01-01", "value": "sixty", "source": "x" } ] }""";
        var error = Assert.Throws<DomainValidationException>(() => PolicyPackFile.Parse(json, PolicyData.RecordedAt));
        Assert.That(error!.Field, Is.EqualTo("values[0].value"));
        Assert.That(error.Message, Does.Contain("tekun.elderlyAge"));
    }

    [Test]
    public void Parse_WhenKeyUnknown_ThrowsNamingThePath()
    {
        const string json = """{ "region": "320682", "title": "t", "values": [ { "key": "nope", "from": "2019-01-01", "value": 1, "source": "x" } ] }""";
        var error = Assert.Throws<DomainValidationException>(() => PolicyPackFile.Parse(json, PolicyData.RecordedAt));
        Assert.That(error!.Field, Is.EqualTo("values[0].key"));
    }

    [Test]
    public void Parse_WhenToNotAfterFrom_Throws()
    {
        const string json = """{ "region": "320682", "title": "t", "values": [ { "key": "tekun.elderlyAge", "from": "2019-01-01", "to": "2019-01-01", "value": 60, "source": "x" } ] }""";
        var error = Assert.Throws<DomainValidationException>(() => PolicyPackFile.Parse(json, PolicyData.RecordedAt));
        Assert.That(error!.Field, Is.EqualTo("values[0].to"));
    }

    // domain.md §2, row by row, at the dates where a value starts or ends (expected as invariant text).
    [TestCase("000000", "2019-01-01", "tekun.basic.minMultipleOfDibao", "1.3")]
    [TestCase("000000", "2019-01-01", "tekun.elderlyAge", "60")]
    [TestCase("000000", "2019-01-01", "tekun.continueInSchoolAfterMinorAge", "true")]
    [TestCase("000000", "2021-06-30", "dibao.income.excludedTypes", "[PreferentialCare, Award, SocialAssistance]")]
    [TestCase("000000", "2021-07-01", "dibao.income.excludedTypes", "[PreferentialCare, Award, SocialAssistance, ResidentBasicPension]")]
    [TestCase("000000", "2025-12-31", "dibao.income.excludedTypes", "[PreferentialCare, Award, SocialAssistance, ResidentBasicPension]")]
    [TestCase("000000", "2026-01-01", "dibao.income.excludedTypes", "[PreferentialCare, Award, SocialAssistance]")]
    [TestCase("000000", "2019-01-01", "tekun.income.excludedTypes", "[ResidentBasicPension, PreferentialCare, OldAgeAllowance, SocialAssistance, Award]")]
    [TestCase("000000", "2019-01-01", "dibao.employmentCost.monthlyDeduction", "0")]
    [TestCase("000000", "2019-01-01", "dibao.assets.maxFinancialMonthsPerCapita", "24")]
    [TestCase("000000", "2019-01-01", "dibao.assets.motorVehicleDisqualifies", "true")]
    [TestCase("000000", "2021-06-30", "dibao.singlePerson.enabled", "false")]
    [TestCase("000000", "2021-07-01", "dibao.singlePerson.enabled", "true")]
    [TestCase("320400", "2020-03-15", "dibao.singlePerson.enabled", "false")]
    [TestCase("320400", "2020-03-16", "dibao.singlePerson.enabled", "true")]
    [TestCase("610000", "2021-04-22", "dibao.singlePerson.enabled", "false")]
    [TestCase("610000", "2021-04-23", "dibao.singlePerson.enabled", "true")]
    [TestCase("000000", "2019-01-01", "dibao.marginal.maxMultipleOfStandard", "1.5")]
    [TestCase("000000", "2024-12-31", "expenditure.rigidShare.enabled", "false")]
    [TestCase("000000", "2025-01-01", "expenditure.rigidShare.enabled", "true")]
    [TestCase("000000", "2025-01-01", "expenditure.dibaoInclusion.enabled", "false")]
    [TestCase("340300", "2019-11-11", "expenditure.dibaoInclusion.enabled", "false")]
    [TestCase("340300", "2019-11-12", "expenditure.dibaoInclusion.enabled", "true")]
    [TestCase("340300", "2019-11-12", "expenditure.dibaoInclusion.enabled", "false", "Rural")]
    [TestCase("340300", "2025-01-01", "expenditure.dibaoInclusion.enabled", "true")]
    [TestCase("340300", "2025-01-01", "expenditure.rigidShare.enabled", "true")]
    [TestCase("340300", "2025-01-01", "expenditure.rigidShare.enabled", "true", "Rural")]
    [TestCase("340300", "2019-11-12", "expenditure.maxMultipleOfStandard", "1.6")]
    [TestCase("340300", "2019-11-12", "expenditure.maxMultipleOfStandard", "null", "Rural")]
    [TestCase("340300", "2019-11-12", "tekun.basic.minShareOfConsumption", "0.6")]
    [TestCase("340300", "2019-11-12", "tekun.basic.minShareOfConsumption", "null", "Rural")]
    [TestCase("340300", "2019-11-12", "tekun.care.minShareOfBasic", "0.10")]
    [TestCase("340300", "2019-11-12", "tekun.care.minShareOfBasic", "null", "Rural")]
    [TestCase("320400", "2020-06-30", "tekun.basic.minShareOfDisposableIncome", "null")]
    [TestCase("320400", "2020-07-01", "tekun.basic.minShareOfDisposableIncome", "0.4")]
    [TestCase("000000", "2019-01-01", "dibao.gradualExit.maxMonths", "6")]
    [TestCase("320400", "2020-12-31", "dibao.gradualExit.maxMonths", "24")]
    [TestCase("320400", "2021-01-01", "dibao.gradualExit.maxMonths", "6")]
    [TestCase("000000", "2019-01-01", "review.intervalMonths.tekun", "12")]
    [TestCase("000000", "2019-01-01", "review.intervalMonths.dibaoStable", "12")]
    [TestCase("000000", "2019-01-01", "review.intervalMonths.dibaoUnstable", "6")]
    [TestCase("000000", "2019-01-01", "labour.workingAge.min", "16")]
    [TestCase("000000", "2019-01-01", "labour.workingAge.max", "59")]
    [TestCase("320400", "2020-06-30", "dibao.standard.minAnnualIncreasePercent", "null")]
    [TestCase("320400", "2020-07-01", "dibao.standard.minAnnualIncreasePercent", "5")]
    [TestCase("320400", "2021-01-01", "dibao.standard.minAnnualIncreasePercent", "null")]
    [TestCase("000000", "2019-01-01", "priceSubsidy.foodCpiTriggerPercent", "6.0")]
    [TestCase("000000", "2019-01-01", "priceSubsidy.paymentDeadline", "EndOfPublicationMonth")]
    [TestCase("320682", "2022-09-19", "temporary.unemployedMigrant.minMonths", "3")]
    [TestCase("320682", "2022-09-19", "temporary.unemployedMigrant.maxMonths", "6")]
    [TestCase("340300", "2020-12-31", "pension.premiumSubsidyAnnual", "100")]
    [TestCase("340300", "2021-01-01", "pension.premiumSubsidyAnnual", "null")]
    [TestCase("000000", "2019-01-01", "payment.rounding", "Cent")]
    [TestCase("000000", "2019-01-01", "dibao.standard.urban", "null")]
    [TestCase("000000", "2019-01-01", "tekun.basic.standard", "null")]
    public void Resolve_DomainTableRow_HasTheListedValue(string region, string date, string key, string expected, string residence = "Urban")
    {
        var resolved = PolicyData.Resolver.Resolve(
            key, RegionCode.Parse(region), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), residence: Enum.Parse<ResidenceType>(residence));

        Assert.That(resolved, Is.Not.Null);
        Assert.That(resolved!.Value.ToString(), Is.EqualTo(expected));
        Assert.That(resolved.IsDemo, Is.False);
    }

    [GeneratedRegex(@"S[0-4]|N-\d+")]
    private static partial Regex SourceIds();
}
