namespace Assistance.Domain.Tests.Regions;

using Assistance.Domain.Common;
using Assistance.Domain.Regions;

/// <summary>GB/T 2260 / GB/T 10114 region codes and the parent chain of domain.md §1.</summary>
public class RegionCodeTests
{
    private static string[] Chain(string code) => RegionCode.Parse(code).SelfAndAncestors().Select(r => r.Value).ToArray();

    [Test]
    public void SelfAndAncestors_WhenVillage_Walks12To9To6ThenCityProvinceNational()
    {
        Assert.That(Chain("320682001002"), Is.EqualTo(new[] { "320682001002", "320682001", "320682", "320600", "320000", "000000" }));
    }

    [Test]
    public void Parent_WhenCountyDirectlyUnderProvince_IsTheProvince()
    {
        Assert.That(RegionCode.Parse("469001").Parent!.Value.Value, Is.EqualTo("460000"));
        Assert.That(RegionCode.Parse("469001").Level, Is.EqualTo(RegionLevel.County));
    }

    [Test]
    public void Parent_WhenOrdinaryCounty_IsItsCity()
    {
        Assert.That(RegionCode.Parse("340321").Parent!.Value.Value, Is.EqualTo("340300"));
    }

    [TestCase("000000", RegionLevel.National)]
    [TestCase("610000", RegionLevel.Province)]
    [TestCase("320400", RegionLevel.City)]
    [TestCase("320682", RegionLevel.County)]
    [TestCase("320682001", RegionLevel.Township)]
    [TestCase("320682001002", RegionLevel.Village)]
    public void Level_WhenParsed_FollowsTheCodeShape(string code, RegionLevel level)
    {
        Assert.That(RegionCode.Parse(code).Level, Is.EqualTo(level));
    }

    [Test]
    public void Parent_WhenNational_IsNull()
    {
        Assert.That(RegionCode.National.Parent, Is.Null);
    }

    [TestCase("32068")]
    [TestCase("3206820")]
    [TestCase("32068A")]
    [TestCase("001234")]
    [TestCase("")]
    [TestCase(null)]
    public void Parse_WhenMalformed_ThrowsNamingTheField(string? text)
    {
        var error = Assert.Throws<DomainValidationException>(() => RegionCode.Parse(text, "regionCode"));
        Assert.That(error!.Field, Is.EqualTo("regionCode"));
    }

    [Test]
    public void Contains_WhenAncestor_IsTrueAndNotTheOtherWay()
    {
        Assert.That(RegionCode.Parse("320000").Contains(RegionCode.Parse("320682001")), Is.True);
        Assert.That(RegionCode.Parse("320682001").Contains(RegionCode.Parse("320000")), Is.False);
        Assert.That(RegionCode.Parse("320400").Contains(RegionCode.Parse("320682")), Is.False);
    }
}
