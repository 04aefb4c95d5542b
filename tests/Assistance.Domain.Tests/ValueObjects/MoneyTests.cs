namespace Assistance.Domain.Tests.ValueObjects;

using Assistance.Domain.Common;

public sealed class MoneyTests
{
    [TestCase(1170, true)]
    [TestCase(0.01, true)]
    [TestCase(12.345, false)]
    [TestCase(-3.5, true)]
    public void IsWholeFen_AcceptsAtMostTwoDecimals(decimal yuan, bool expected) =>
        Assert.That(Money.IsWholeFen(yuan), Is.EqualTo(expected));

    [Test]
    public void NonNegative_WhenNegative_IsRefusedNamingTheField()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Money.NonNegative(-0.01m, "monthlyAmount", "no"));
        Assert.That(ex!.Field, Is.EqualTo("monthlyAmount"));
    }

    [Test]
    public void FromYuan_WhenFractionOfFen_IsRefusedNotRounded() =>
        Assert.Throws<DomainValidationException>(() => Money.FromYuan(0.005m, "amount"));

    [Test]
    public void Amounts_CarryTwoDecimalsOfScale()
    {
        var sum = Money.FromYuan(1170m, "a") + Money.FromYuan(0.5m, "b");
        Assert.That(sum.ToString(), Is.EqualTo("1170.50"));
        Assert.That(Money.FromYuan(1170m, "a").Yuan.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("1170.00"));
    }

    [TestCase(10.005, "10.01")]
    [TestCase(-10.005, "-10.01")]
    [TestCase(10.004, "10.00")]
    public void RoundToFen_IsHalfAwayFromZero(decimal yuan, string expected) =>
        Assert.That(Money.RoundToFen(yuan).ToString(), Is.EqualTo(expected));

    [TestCase(10.01, "11.00")]
    [TestCase(10, "10.00")]
    public void RoundUpToYuan_RoundsUp(decimal yuan, string expected) =>
        Assert.That(Money.RoundUpToYuan(yuan).ToString(), Is.EqualTo(expected));

    [Test]
    public void Multiply_AppliesTheGivenRounding() =>
        Assert.That(Money.FromYuan(100m, "a").Multiply(0.333m, Money.RoundToFen), Is.EqualTo(Money.FromYuan(33.30m, "b")));
}
