namespace Assistance.Domain.Tests.Policy;

using Assistance.Application.Policy;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>R-02: residence-scoped values — at each level of the walk the household's own type wins over "both"; the other type is not seen.</summary>
public class ResidenceScopedResolutionTests
{
    private const string Key = "tekun.care.minShareOfBasic";
    private static readonly DateOnly Day = new(2022, 1, 1);
    private static readonly RegionCode County = RegionCode.Parse("340321");

    private static ParameterValue Value(string region, decimal? amount, ResidenceType? residence, string from = "2019-01-01", string? to = null) =>
        new(
            Key,
            RegionCode.Parse(region),
            DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
            amount is { } a ? ParameterValueData.FromDecimal(a) : ParameterValueData.Null,
            "test " + region + " " + residence,
            IsDemo: false,
            new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Residence: residence);

    [Test]
    public void Resolve_WhenOneLevelHoldsUrbanAndBoth_UrbanHouseholdsSeeUrbanAndRuralSeeBoth()
    {
        var resolver = new ParameterResolver([Value("340300", 0.10m, ResidenceType.Urban), Value("340300", 0.05m, null)]);

        Assert.That(resolver.Resolve(Key, County, Day, residence: ResidenceType.Urban)!.Value.AsDecimal(), Is.EqualTo(0.10m));
        Assert.That(resolver.Resolve(Key, County, Day, residence: ResidenceType.Rural)!.Value.AsDecimal(), Is.EqualTo(0.05m));
        Assert.That(resolver.Resolve(Key, County, Day, residence: ResidenceType.Urban)!.Residence, Is.EqualTo(ResidenceType.Urban));
    }

    [Test]
    public void Resolve_WhenOnlyTheOtherTypeHasAValue_WalksOnUpAsIfThereWereNone()
    {
        var resolver = new ParameterResolver([Value("000000", null, null), Value("340300", 0.10m, ResidenceType.Urban)]);

        var rural = resolver.Resolve(Key, County, Day, residence: ResidenceType.Rural);

        Assert.That(rural!.RegionCode, Is.EqualTo("000000"));
        Assert.That(rural.Value.IsNull, Is.True);
    }

    [Test]
    public void Resolve_WhenNearerLevelHoldsAValueForBoth_ItWinsOverAFartherUrbanValue()
    {
        var resolver = new ParameterResolver([Value("340300", 0.10m, ResidenceType.Urban), Value("340321", 0.20m, null)]);

        Assert.That(resolver.Resolve(Key, County, Day, residence: ResidenceType.Urban)!.Value.AsDecimal(), Is.EqualTo(0.20m));
    }

    [Test]
    public void Resolve_WithoutResidence_SeesOnlyValuesForBoth()
    {
        var resolver = new ParameterResolver([Value("000000", 0.01m, null), Value("340300", 0.10m, ResidenceType.Urban)]);

        Assert.That(resolver.Resolve(Key, County, Day)!.Value.AsDecimal(), Is.EqualTo(0.01m));
    }

    [Test]
    public void FindOverlaps_WhenUrbanAndBothShareDays_IsNoOverlap_ButTwoUrbanValuesAre()
    {
        Assert.That(ParameterResolver.FindOverlaps([Value("340300", 0.10m, ResidenceType.Urban), Value("340300", 0.05m, null)]), Is.Empty);
        Assert.That(
            ParameterResolver.FindOverlaps([Value("340300", 0.10m, ResidenceType.Urban), Value("340300", 0.12m, ResidenceType.Urban, from: "2021-01-01")]),
            Has.Count.EqualTo(1));
    }

    [Test]
    public void Resolve_WhenTwoUrbanValuesInForceAtOneLevel_ThrowsOverlap()
    {
        var resolver = new ParameterResolver([Value("340300", 0.10m, ResidenceType.Urban), Value("340300", 0.12m, ResidenceType.Urban, from: "2021-01-01")]);

        Assert.Throws<ParameterOverlapException>(() => resolver.Resolve(Key, County, Day, residence: ResidenceType.Urban));
        Assert.That(resolver.Resolve(Key, County, Day, residence: ResidenceType.Rural), Is.Null);
    }

    [Test]
    public void PolicyPackFile_WhenResidenceIsNotUrbanOrRural_NamesThePath()
    {
        const string json = """{ "region": "340300", "title": "t", "values": [ { "key": "tekun.care.minShareOfBasic", "from": "2019-01-01", "value": 0.1, "residence": "Suburban", "source": "S3" } ] }""";

        var error = Assert.Throws<Common.DomainValidationException>(() => PolicyPackFile.Parse(json, DateTimeOffset.UnixEpoch));

        Assert.That(error!.Field, Is.EqualTo("values[0].residence"));
    }
}
