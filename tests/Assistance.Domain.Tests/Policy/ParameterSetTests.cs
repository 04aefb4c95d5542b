namespace Assistance.Domain.Tests.Policy;

using Assistance.Domain.Common;
using Assistance.Domain.Policy;
using Assistance.Domain.Tests.Support;

/// <summary>R-02 what-if overrides (api.md parameterOverrides) and the traced reader.</summary>
public class ParameterSetTests
{
    private static readonly DateOnly Date = new(2022, 10, 1);

    [Test]
    public void WithOverrides_WhenKeyGiven_ShowsOverrideRegionNoDateAndOverrideSource()
    {
        var set = PolicyData.For("320682", Date).WithOverrides(new Dictionary<string, ParameterValueData> { ["dibao.standard.urban"] = ParameterValueData.FromDecimal(950m) });

        var resolved = set.Get("dibao.standard.urban")!;
        Assert.That(resolved.Value.AsDecimal(), Is.EqualTo(950m));
        Assert.That(resolved.RegionCode, Is.EqualTo("override"));
        Assert.That(resolved.EffectiveFrom, Is.Null);
        Assert.That(resolved.Source, Is.EqualTo("parameterOverrides"));
    }

    [Test]
    public void WithOverrides_WhenNull_TreatsTheParameterAsUnset()
    {
        var set = PolicyData.For("320682", Date, ("tekun.basic.standard", null));

        Assert.That(set.Get("tekun.basic.standard")!.Value.IsNull, Is.True);
    }

    [Test]
    public void WithOverrides_WhenUnknownKey_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<DomainValidationException>(() => PolicyData.For("320682", Date, ("dibao.standard.moon", 1m)));
        Assert.That(error!.Field, Is.EqualTo("dibao.standard.moon"));
    }

    [Test]
    public void WithOverrides_WhenWrongType_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<DomainValidationException>(() => PolicyData.For("320682", Date, ("dibao.singlePerson.enabled", "yes")));
        Assert.That(error!.Field, Is.EqualTo("dibao.singlePerson.enabled"));
    }

    [Test]
    public void WithOverrides_WhenApplied_LeavesTheOriginalSetUnchanged()
    {
        var original = PolicyData.For("320682", Date);
        _ = original.WithOverrides(new Dictionary<string, ParameterValueData> { ["dibao.standard.urban"] = ParameterValueData.FromDecimal(1m) });

        Assert.That(original.Get("dibao.standard.urban")!.RegionCode, Is.EqualTo("320682"));
    }

    [Test]
    public void Read_WhenTracing_RecordsEveryReadWithItsOrigin()
    {
        var reader = new TracedParameterReader(PolicyData.For("320682", Date), trace: true);

        reader.RequireDecimal(ParameterCatalog.DibaoStandardUrban);
        reader.RequireInteger(ParameterCatalog.TekunElderlyAge);
        var reads = reader.TakeReads();

        Assert.That(reads.Select(r => r.Key), Is.EqualTo(new[] { "dibao.standard.urban", "tekun.elderlyAge" }));
        Assert.That(reads[0].RegionCode, Is.EqualTo("320682"));
        Assert.That(reads[1].RegionCode, Is.EqualTo("000000"));
        Assert.That(reads[1].Source, Is.EqualTo("N-43 Art.5"));
        Assert.That(reader.TakeReads(), Is.Empty);
    }

    [Test]
    public void Read_WhenNotTracing_RecordsNothing()
    {
        var reader = new TracedParameterReader(PolicyData.For("320682", Date), trace: false);

        reader.RequireDecimal(ParameterCatalog.DibaoStandardUrban);

        Assert.That(reader.TakeReads(), Is.Empty);
    }

    [Test]
    public void Require_WhenValueIsNull_ThrowsNotInForceWithKeyRegionAndDate()
    {
        var reader = new TracedParameterReader(PolicyData.For("320600", Date), trace: false);

        var error = Assert.Throws<ParameterNotInForceException>(() => reader.RequireDecimal(ParameterCatalog.DibaoStandardUrban));
        Assert.That(error!.Key, Is.EqualTo("dibao.standard.urban"));
        Assert.That(error.RegionCode, Is.EqualTo("320600"));
        Assert.That(error.Date, Is.EqualTo(Date));
    }

    [Test]
    public void TakeReads_WhenOneKeyReadTwice_ListsItOnce()
    {
        var reader = new TracedParameterReader(PolicyData.For("320682", Date), trace: true);

        reader.RequireDecimal(ParameterCatalog.DibaoStandardUrban);
        reader.RequireInteger(ParameterCatalog.TekunElderlyAge);
        reader.RequireDecimal(ParameterCatalog.DibaoStandardUrban);

        Assert.That(reader.TakeReads().Select(r => r.Key), Is.EqualTo(new[] { "dibao.standard.urban", "tekun.elderlyAge" }));
    }
}
