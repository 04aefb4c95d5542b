namespace Assistance.Domain.Tests.Eligibility;

using System.Globalization;
using System.Text;
using Assistance.Domain.Eligibility;

/// <summary>
/// The trace's own decimal formatting must print exactly what the built-in invariant "F2" and default formats
/// print, for every decimal: the trace text is part of the API response and must not change (issue 14).
/// </summary>
public sealed class TraceFormatTests
{
    private static readonly decimal[] Edges =
    [
        0m, 0.0m, 0.00m, 0.000m, -0m, -0.0m, -0.00m, -0.000m, 1m, -1m, 0.5m, -0.5m, 0.005m, -0.005m, 0.004m, -0.004m,
        0.0049999999m, 0.00500000000000000000000001m, 0.0000000000000000000000000001m, -0.0000000000000000000000000001m,
        0.125m, 0.135m, 0.145m, -0.125m, 1.005m, 2.675m, 899.995m, 899.994m, 999.999m, 9.995m, -9.995m, 99.5m, 1234.5678m,
        12345678901234567.89m, 123456789012345678.9m, 99999999999999999.995m, 9999999999999999.995m, 184467440737095516.15m,
        18446744073709551615m, 18446744073709551616m, 1844674407370955161.5m, 0.18446744073709551615m,
        decimal.MaxValue, decimal.MinValue, decimal.One / 3, -decimal.One / 3, 2m / 3, 100m / 7, 1e-20m, 5e-3m, 12.3450m, 1.50m,
        decimal.Round(1m / 3, 4), 0.9999999999999999999999999999m, 7.9228162514264337593543950335m, 79228162514264337593543950.335m,
    ];

    [Test]
    public void F2_PrintsWhatTheBuiltInF2Prints_ForEdgeValues()
    {
        foreach (var value in Edges)
        {
            Assert.That(Interpolated(TraceFormat.F2(value)), Is.EqualTo(value.ToString("F2", CultureInfo.InvariantCulture)), $"{value}");
        }
    }

    [Test]
    public void G_PrintsWhatTheBuiltInDefaultFormatPrints_ForEdgeValues()
    {
        foreach (var value in Edges)
        {
            Assert.That(Interpolated(TraceFormat.G(value)), Is.EqualTo(value.ToString(CultureInfo.InvariantCulture)), $"{value}");
        }
    }

    [Test]
    public void BothFormats_PrintWhatTheBuiltInFormatsPrint_ForRandomDecimalsOfEveryScale()
    {
        var random = new Random(20261130);
        for (var i = 0; i < 200_000; i++)
        {
            var value = RandomDecimal(random);
            var f2 = value.ToString("F2", CultureInfo.InvariantCulture);
            var plain = value.ToString(CultureInfo.InvariantCulture);
            if (Interpolated(TraceFormat.F2(value)) != f2 || Interpolated(TraceFormat.G(value)) != plain)
            {
                Assert.Fail($"{value} (bits {string.Join(",", decimal.GetBits(value))}): F2 {Interpolated(TraceFormat.F2(value))} vs {f2}, G {Interpolated(TraceFormat.G(value))} vs {plain}");
            }
        }
    }

    [Test]
    public void F2OfAQuotient_PrintsWhatTheBuiltInF2PrintsForTheDecimalQuotient()
    {
        int[] divisors = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 97, 1_000, 65_537, 999_999_937, int.MaxValue];
        decimal[] dividends = [.. Edges, 0.01m, 0.02m, 0.03m, 0.05m, 1.15m, 2.25m, 9999999999999999.99m, 99999999999999.99m, 100000000000000.00m, 12.5m, 7m];
        foreach (var dividend in dividends)
        {
            foreach (var divisor in divisors)
            {
                Assert.That(Interpolated(TraceFormat.F2(dividend, divisor)), Is.EqualTo((dividend / divisor).ToString("F2", CultureInfo.InvariantCulture)), $"{dividend} / {divisor}");
            }
        }

        var random = new Random(20261130);
        for (var i = 0; i < 200_000; i++)
        {
            // Whole-cent dividends of every size up to and past the integer path's 10^16 cents, scales 0–2 and
            // sometimes longer, both signs; divisors mostly household sizes, sometimes any positive int.
            var scale = (byte)(random.Next(8) == 0 ? random.Next(3, 8) : random.Next(0, 3));
            var mantissa = random.Next(4) switch
            {
                0 => random.Next(0, 100_000),
                1 => random.NextInt64(0, 10_000_000_000),
                2 => random.NextInt64(0, 20_000_000_000_000_000),
                _ => random.NextInt64(0, long.MaxValue),
            };
            var dividend = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, random.Next(2) == 0, scale);
            var divisor = random.Next(3) == 0 ? random.Next(1, int.MaxValue) : random.Next(1, 13);
            var expected = (dividend / divisor).ToString("F2", CultureInfo.InvariantCulture);
            var actual = Interpolated(TraceFormat.F2(dividend, divisor));
            if (actual != expected)
            {
                Assert.Fail($"{dividend} / {divisor}: {actual} vs {expected}");
            }
        }

        Assert.That(TraceFormat.F2(2.00m, 3).ToString(), Is.EqualTo("0.67"));
        Assert.That(TraceFormat.F2(0.01m, 2).ToString(), Is.EqualTo("0.01"));
        Assert.That(TraceFormat.F2(-0.01m, 2).ToString(), Is.EqualTo("-0.01"));
        Assert.That(TraceFormat.F2(-0.01m, 3).ToString(), Is.EqualTo("0.00"));
    }

    [Test]
    public void BothFormats_PrintTheSameThroughAStringBuilderAndToString()
    {
        foreach (var value in Edges)
        {
            var builder = new StringBuilder().Append(CultureInfo.InvariantCulture, $"[{TraceFormat.F2(value)}|{TraceFormat.G(value)}]");
            Assert.That(builder.ToString(), Is.EqualTo($"[{value.ToString("F2", CultureInfo.InvariantCulture)}|{value.ToString(CultureInfo.InvariantCulture)}]"));
            Assert.That(TraceFormat.F2(value).ToString(), Is.EqualTo(value.ToString("F2", CultureInfo.InvariantCulture)));
            Assert.That(TraceFormat.G(value).ToString(), Is.EqualTo(value.ToString(CultureInfo.InvariantCulture)));
        }
    }

    [Test]
    public void TryFormat_ReportsATooShortDestinationWithoutWriting()
    {
        Span<char> small = stackalloc char[6];
        Assert.That(TraceFormat.F2(1234.567m).TryFormat(small, out var written, default, null), Is.False);
        Assert.That(written, Is.EqualTo(0));
        Assert.That(TraceFormat.F2(123.456m).TryFormat(small, out written, default, null), Is.True);
        Assert.That(small[..written].ToString(), Is.EqualTo("123.46"));
        Assert.That(TraceFormat.G(-12.3456m).TryFormat(small, out written, default, null), Is.False);
        Assert.That(TraceFormat.G(-1.345m).TryFormat(small, out written, default, null), Is.True);
        Assert.That(small[..written].ToString(), Is.EqualTo("-1.345"));
    }

    private static string Interpolated<T>(T value)
        where T : ISpanFormattable => string.Create(CultureInfo.InvariantCulture, $"{value}");

    // Mantissas of every size (small, near 2^32, near 2^64, full 96 bits), every scale, both signs; midpoints
    // (…5 at the third place) are made often on purpose.
    private static decimal RandomDecimal(Random random)
    {
        var scale = (byte)random.Next(0, 29);
        var negative = random.Next(2) == 0;
        var size = random.Next(5);
        var lo = size == 0 ? random.Next(0, 100_000) : random.Next(int.MinValue, int.MaxValue);
        var mid = size <= 1 ? 0 : random.Next(int.MinValue, int.MaxValue);
        var hi = size <= 3 ? 0 : random.Next(2) == 0 ? random.Next(0, 4) : random.Next(int.MinValue, int.MaxValue);
        var value = new decimal(lo, mid, hi, negative, scale);
        if (random.Next(4) == 0)
        {
            // A quotient like the per-capita income P = total / n: up to 28 significant digits.
            value = new decimal(random.Next(0, 100_000_000), 0, 0, negative, (byte)random.Next(0, 3)) / random.Next(1, 13);
        }
        if (random.Next(4) == 0 && scale >= 3)
        {
            // Force the digit after the second place to a midpoint: x.xx5 followed by zeros.
            var cents = decimal.Truncate(value * 100m);
            value = (cents + (negative ? -0.5m : 0.5m)) / 100m;
        }

        return value;
    }
}
