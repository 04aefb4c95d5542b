namespace Assistance.Domain.Tests.Policy;

using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>R-02: resolution walks up the region chain, respects dates and history.</summary>
public class ParameterResolverTests
{
    private const string Key = "dibao.standard.urban";
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ParameterValue Value(string region, string from, string? to, decimal? amount, DateTimeOffset? recorded = null, DateTimeOffset? superseded = null, string key = Key) =>
        new(
            key,
            RegionCode.Parse(region),
            DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
            amount is { } a ? ParameterValueData.FromDecimal(a) : ParameterValueData.Null,
            "test " + region,
            IsDemo: false,
            recorded ?? T0,
            superseded);

    [Test]
    public void Resolve_WhenRegionHasNoValue_WalksUpToTheNearestAncestor()
    {
        var resolver = new ParameterResolver([Value("000000", "2019-01-01", null, 500m), Value("320000", "2019-01-01", null, 700m)]);

        var resolved = resolver.Resolve(Key, RegionCode.Parse("320682"), new DateOnly(2022, 1, 1));

        Assert.That(resolved, Is.Not.Null);
        Assert.That(resolved!.RegionCode, Is.EqualTo("320000"));
        Assert.That(resolved.Value.AsDecimal(), Is.EqualTo(700m));
    }

    [Test]
    public void Resolve_WhenVillageCode_WalksTwelveToNineToSixDigits()
    {
        var resolver = new ParameterResolver([Value("320682001", "2019-01-01", null, 800m)]);

        var resolved = resolver.Resolve(Key, RegionCode.Parse("320682001002"), new DateOnly(2022, 1, 1));

        Assert.That(resolved!.RegionCode, Is.EqualTo("320682001"));
    }

    [Test]
    public void Resolve_WhenOwnValueInForce_PrefersItOverTheParent()
    {
        var resolver = new ParameterResolver([Value("000000", "2019-01-01", null, 500m), Value("320682", "2022-01-01", null, 900m)]);

        Assert.That(resolver.Resolve(Key, RegionCode.Parse("320682"), new DateOnly(2022, 1, 1))!.Value.AsDecimal(), Is.EqualTo(900m));
        Assert.That(resolver.Resolve(Key, RegionCode.Parse("320682"), new DateOnly(2021, 12, 31))!.Value.AsDecimal(), Is.EqualTo(500m));
    }

    [Test]
    public void Resolve_WhenDateIsEffectiveTo_ValueIsNoLongerInForce()
    {
        var resolver = new ParameterResolver([Value("320682", "2020-01-01", "2021-01-01", 600m), Value("320682", "2021-01-01", null, 650m)]);

        Assert.That(resolver.Resolve(Key, RegionCode.Parse("320682"), new DateOnly(2020, 12, 31))!.Value.AsDecimal(), Is.EqualTo(600m));
        Assert.That(resolver.Resolve(Key, RegionCode.Parse("320682"), new DateOnly(2021, 1, 1))!.Value.AsDecimal(), Is.EqualTo(650m));
    }

    [Test]
    public void Resolve_WhenDateBeforeFirstValue_ReturnsNoValue()
    {
        var resolver = new ParameterResolver([Value("320682", "2020-01-01", null, 600m)]);

        Assert.That(resolver.Resolve(Key, RegionCode.Parse("320682"), new DateOnly(2019, 12, 31)), Is.Null);
    }

    [Test]
    public void Resolve_WhenRegionValueIsNull_ParameterIsEndedAndParentIsNotConsulted()
    {
        var resolver = new ParameterResolver([Value("000000", "2019-01-01", null, 500m), Value("320682", "2023-01-01", null, null)]);

        var resolved = resolver.Resolve(Key, RegionCode.Parse("320682"), new DateOnly(2023, 6, 1));

        Assert.That(resolved!.Value.IsNull, Is.True);
        Assert.That(resolved.RegionCode, Is.EqualTo("320682"));
    }

    [Test]
    public void Resolve_WhenTwoValuesInForceForOneRegion_ThrowsOverlap()
    {
        var resolver = new ParameterResolver([Value("320682", "2020-01-01", null, 600m), Value("320682", "2021-01-01", null, 650m)]);

        var error = Assert.Throws<ParameterOverlapException>(() => resolver.Resolve(Key, RegionCode.Parse("320682"), new DateOnly(2021, 6, 1)));
        Assert.That(error!.Key, Is.EqualTo(Key));
    }

    [Test]
    public void FindOverlaps_WhenRangesTouchAtEffectiveTo_ReportsNone()
    {
        var values = new[] { Value("320682", "2020-01-01", "2021-01-01", 600m), Value("320682", "2021-01-01", null, 650m) };

        Assert.That(ParameterResolver.FindOverlaps(values), Is.Empty);
    }

    [Test]
    public void FindOverlaps_WhenRangesShareOneDay_ReportsThePair()
    {
        var values = new[] { Value("320682", "2020-01-01", "2021-01-02", 600m), Value("320682", "2021-01-01", null, 650m) };

        Assert.That(ParameterResolver.FindOverlaps(values), Has.Count.EqualTo(1));
    }

    [Test]
    public void Resolve_WhenCorrectionSupersedesAValue_CurrentViewSeesTheCorrection()
    {
        var corrected = T0.AddDays(10);
        var resolver = new ParameterResolver(
        [
            Value("320682", "2022-01-01", null, 900m, recorded: T0, superseded: corrected),
            Value("320682", "2022-01-01", null, 905m, recorded: corrected),
        ]);

        Assert.That(resolver.Resolve(Key, RegionCode.Parse("320682"), new DateOnly(2022, 6, 1))!.Value.AsDecimal(), Is.EqualTo(905m));
    }

    [Test]
    public void Resolve_WhenAskedAsOfAnInstantBeforeTheCorrection_SeesWhatWasBelievedThen()
    {
        var corrected = T0.AddDays(10);
        var resolver = new ParameterResolver(
        [
            Value("320682", "2022-01-01", null, 900m, recorded: T0, superseded: corrected),
            Value("320682", "2022-01-01", null, 905m, recorded: corrected),
        ]);
        var date = new DateOnly(2022, 6, 1);

        Assert.That(resolver.Resolve(Key, RegionCode.Parse("320682"), date, corrected.AddTicks(-1))!.Value.AsDecimal(), Is.EqualTo(900m));
        Assert.That(resolver.Resolve(Key, RegionCode.Parse("320682"), date, corrected)!.Value.AsDecimal(), Is.EqualTo(905m));
        Assert.That(resolver.Resolve(Key, RegionCode.Parse("320682"), date, T0.AddTicks(-1)), Is.Null);
    }

    [Test]
    public void ResolveAll_WhenSomeKeysMissing_ReturnsSetWithNullsForThem()
    {
        var resolver = new ParameterResolver([Value("000000", "2019-01-01", null, 500m)]);

        var set = resolver.ResolveAll(RegionCode.Parse("320682"), new DateOnly(2022, 1, 1));

        Assert.That(set.Get(Key)!.Value.AsDecimal(), Is.EqualTo(500m));
        Assert.That(set.Get("dibao.standard.rural"), Is.Null);
    }

    [Test]
    public void ResolveAll_SameArguments_ReturnsTheRememberedSet_OtherArgumentsTheirOwn()
    {
        // Issue 14: the API keeps a resolver per region chain, so whole sets are remembered per (region, date, residence).
        var resolver = new ParameterResolver([Value("000000", "2019-01-01", "2022-12-31", 500m), Value("000000", "2023-01-01", null, 600m)]);
        var region = RegionCode.Parse("320682");

        var first = resolver.ResolveAll(region, new DateOnly(2022, 6, 1));
        var again = resolver.ResolveAll(region, new DateOnly(2022, 6, 1));
        var later = resolver.ResolveAll(region, new DateOnly(2023, 6, 1));
        var urban = resolver.ResolveAll(region, new DateOnly(2022, 6, 1), residence: ResidenceType.Urban);

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.SameAs(first));
            Assert.That(first.Get(Key)!.Value.AsDecimal(), Is.EqualTo(500m));
            Assert.That(later, Is.Not.SameAs(first));
            Assert.That(later.Get(Key)!.Value.AsDecimal(), Is.EqualTo(600m));
            Assert.That(urban, Is.Not.SameAs(first));
            Assert.That(urban.Get(Key)!.Value.AsDecimal(), Is.EqualTo(500m));
        });
    }

    [Test]
    public void ResolveAll_AsOfAnInstant_IsNotTakenFromTheCurrentView()
    {
        // A value recorded later than the instant is invisible then; the remembered current view must not answer for it.
        var resolver = new ParameterResolver([Value("000000", "2019-01-01", null, 500m, recorded: T0.AddDays(10))]);
        var region = RegionCode.Parse("320682");
        var date = new DateOnly(2022, 6, 1);

        var current = resolver.ResolveAll(region, date);
        var before = resolver.ResolveAll(region, date, recordedAsOf: T0);

        Assert.Multiple(() =>
        {
            Assert.That(current.Get(Key)!.Value.AsDecimal(), Is.EqualTo(500m));
            Assert.That(before.Get(Key), Is.Null);
        });
    }
}
