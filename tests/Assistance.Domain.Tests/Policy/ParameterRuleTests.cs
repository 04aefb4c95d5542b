namespace Assistance.Domain.Tests.Policy;

using Assistance.Domain.Common;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

/// <summary>The parameter-history rules that the handler and the store used to throw inline.</summary>
public sealed class ParameterRuleTests
{
    private static readonly RegionCode County = RegionCode.Parse("320682");

    [Test]
    public void ACorrection_ToAnotherKeyOrRegion_IsBroken_NamingTheCorrectedValue()
    {
        var otherRegion = new CorrectionKeepsKeyAndRegion("dibao.standard.urban", RegionCode.Parse("320600"), "dibao.standard.urban", County);
        var otherKey = new CorrectionKeepsKeyAndRegion("dibao.standard.rural", County, "dibao.standard.urban", County);
        var same = new CorrectionKeepsKeyAndRegion("dibao.standard.urban", County, "dibao.standard.urban", County);
        Assert.Multiple(() =>
        {
            Assert.That(otherRegion.IsBroken(), Is.True);
            Assert.That(otherKey.IsBroken(), Is.True);
            Assert.That(same.IsBroken(), Is.False);
            Assert.That(otherRegion.Code, Is.EqualTo("parameter.correction-mismatch"));
            Assert.That(otherRegion.Message, Does.Contain("(dibao.standard.urban, 320600)"));
            Assert.That(otherRegion.Source, Is.EqualTo("R-02"));
        });
    }

    [Test]
    public void ASupersededValue_IsNotSupersededAgain()
    {
        var id = Guid.NewGuid();
        var ex = BusinessRules.Violation(new OnlyACurrentValueIsSuperseded(id, alreadySuperseded: true));
        Assert.That((ex.Code, ex.RuleId), Is.EqualTo(("parameter.already-superseded", "R-02")));
        Assert.That(ex.Message, Does.Contain(id.ToString()));
        Assert.That(new OnlyACurrentValueIsSuperseded(id, alreadySuperseded: false).IsBroken(), Is.False);
    }

    [Test]
    public void AnOverlap_NamesKeyRegionResidenceAndPeriod()
    {
        var proposed = new ParameterValue(
            "dibao.standard.urban", County, D("2025-01-01"), null, ParameterValueData.FromDecimal(1170m),
            "test", false, DateTimeOffset.UnixEpoch);
        var rule = new CurrentValuesDoNotOverlap(proposed, overlaps: true);
        Assert.Multiple(() =>
        {
            Assert.That(rule.IsBroken(), Is.True);
            Assert.That(rule.Code, Is.EqualTo("parameter.overlap"));
            Assert.That(rule.Message, Does.StartWith("'dibao.standard.urban' already has a current value for region 320682 (both residence types) in force during 2025-01-01 … open."));
        });
    }
}
