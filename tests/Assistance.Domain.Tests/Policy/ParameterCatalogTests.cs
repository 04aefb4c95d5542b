namespace Assistance.Domain.Tests.Policy;

using Assistance.Application.Policy;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;

/// <summary>R-02: every key of domain.md §2 is typed; wrong keys and types are refused naming the key.</summary>
public class ParameterCatalogTests
{
    [TestCase("dibao.standard.urban", ParameterType.Decimal)]
    [TestCase("tekun.minorAgeLimit", ParameterType.Integer)]
    [TestCase("dibao.singlePerson.enabled", ParameterType.Boolean)]
    [TestCase("expenditure.dibaoInclusion.enabled", ParameterType.Boolean)]
    [TestCase("expenditure.rigidShare.enabled", ParameterType.Boolean)]
    [TestCase("payment.rounding", ParameterType.EnumString)]
    [TestCase("dibao.income.excludedTypes", ParameterType.StringList)]
    [TestCase("priceSubsidy.cpiTriggerPercent", ParameterType.Decimal)]
    public void TryGet_WhenKeyIsInDomainTable_ReturnsItsType(string key, ParameterType type)
    {
        Assert.That(ParameterCatalog.TryGet(key, out var definition), Is.True);
        Assert.That(definition.Type, Is.EqualTo(type));
    }

    [Test]
    public void TryGet_WhenOneRouteKeyOfBefore_IsGone()
    {
        Assert.That(ParameterCatalog.TryGet("expenditure.route", out _), Is.False);
    }

    [Test]
    public void Get_WhenKeyUnknown_ThrowsValidationNamingTheKey()
    {
        var error = Assert.Throws<DomainValidationException>(() => ParameterCatalog.Get("dibao.standard.martian"));
        Assert.That(error!.Field, Is.EqualTo("dibao.standard.martian"));
    }

    [Test]
    public void Validate_WhenBooleanGivenForDecimal_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<DomainValidationException>(() => ParameterCatalog.Validate("dibao.standard.urban", ParameterValueData.FromBoolean(true)));
        Assert.That(error!.Field, Is.EqualTo("dibao.standard.urban"));
    }

    [Test]
    public void Validate_WhenIntegerGivenForDecimal_NormalisesToDecimal()
    {
        var value = ParameterCatalog.Validate("dibao.standard.urban", ParameterValueData.FromInteger(900));
        Assert.That(value.Kind, Is.EqualTo(ParameterValueKind.Decimal));
        Assert.That(value.AsDecimal(), Is.EqualTo(900m));
    }

    [Test]
    public void Validate_WhenFractionGivenForInteger_Throws()
    {
        Assert.Throws<DomainValidationException>(() => ParameterCatalog.Validate("tekun.elderlyAge", ParameterValueData.FromDecimal(60.5m)));
    }

    [Test]
    public void Validate_WhenWholeDecimalGivenForInteger_NormalisesToInteger()
    {
        Assert.That(ParameterCatalog.Validate("tekun.elderlyAge", ParameterValueData.FromDecimal(60m)).AsInteger(), Is.EqualTo(60));
    }

    [TestCase("payment.rounding", "Jiao")]
    [TestCase("priceSubsidy.paymentDeadline", "Whenever")]
    public void Validate_WhenEnumStringNotAllowed_Throws(string key, string text)
    {
        var error = Assert.Throws<DomainValidationException>(() => ParameterCatalog.Validate(key, ParameterValueData.FromString(text)));
        Assert.That(error!.Message, Does.Contain(text));
    }

    [TestCase("payment.rounding", "Cent")]
    [TestCase("payment.rounding", "Yuan")]
    public void Validate_WhenEnumStringAllowed_Accepts(string key, string text)
    {
        Assert.That(ParameterCatalog.Validate(key, ParameterValueData.FromString(text)).AsString(), Is.EqualTo(text));
    }

    [Test]
    public void Validate_WhenListHoldsUnknownIncomeType_Throws()
    {
        Assert.Throws<DomainValidationException>(() => ParameterCatalog.Validate("dibao.income.excludedTypes", ParameterValueData.FromList(["Award", "Lottery"])));
    }

    [Test]
    public void Validate_WhenListHoldsEveryIncomeType_Accepts()
    {
        var all = Enum.GetNames<IncomeType>();
        Assert.That(ParameterCatalog.Validate("tekun.income.excludedTypes", ParameterValueData.FromList(all)).AsList(), Is.EqualTo(all));
    }

    [Test]
    public void Validate_WhenNull_AcceptsForEveryKey()
    {
        Assert.That(ParameterCatalog.All.Select(d => d.Validate(ParameterValueData.Null).IsNull), Is.All.True);
    }

    [Test]
    public void All_WhenListed_OrdinalsMatchPositionsAndKeysAreUnique()
    {
        Assert.That(ParameterCatalog.All.Select(d => d.Ordinal), Is.EqualTo(Enumerable.Range(0, ParameterCatalog.Count)));
        Assert.That(ParameterCatalog.All.Select(d => d.Key), Is.Unique);
    }

    [Test]
    public void FromJson_WhenNumbersBooleansStringsListsAndNull_ReadsEachKind()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""[900.00, 18, true, "Cent", ["Award"], null]""");
        var kinds = doc.RootElement.EnumerateArray().Select(e => ParameterValueJson.Read(e, "x").Kind).ToList();
        Assert.That(kinds, Is.EqualTo(new[] { ParameterValueKind.Decimal, ParameterValueKind.Integer, ParameterValueKind.Boolean, ParameterValueKind.String, ParameterValueKind.StringList, ParameterValueKind.Null }));
    }
}
