namespace Assistance.Domain.Eligibility;

using System.Globalization;

/// <summary>
/// Number formatting for trace details. The trace prints money with two places ("F2", invariant); the
/// built-in decimal "F2" goes through the general number buffer (every digit of the 96-bit mantissa, then a
/// rounding pass) and was the largest single cost of a traced assessment (issue 14). <see cref="F2"/> prints
/// the same text from integer arithmetic for every decimal whose mantissa fits in 64 bits, and hands any other
/// value to the built-in formatting, so the output is identical for every decimal (tests compare both).
/// </summary>
internal static class TraceFormat
{
    /// <summary>Formats <paramref name="value"/> exactly as <c>value.ToString("F2", CultureInfo.InvariantCulture)</c>.</summary>
    public static Fixed2 F2(decimal value) => new(value);

    /// <summary>Formats <paramref name="value"/> exactly as <c>value.ToString(CultureInfo.InvariantCulture)</c> (every digit of its scale).</summary>
    public static Plain G(decimal value) => new(value);

    /// <summary>
    /// Sign, 64-bit mantissa and scale of <paramref name="value"/>; false when the mantissa needs the high 32
    /// bits, which the built-in formatting then handles.
    /// </summary>
    private static bool TrySplit(decimal value, out ulong mantissa, out int scale, out bool negative)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        negative = bits[3] < 0;
        scale = (bits[3] >> 16) & 0xFF;
        mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        return bits[2] == 0;
    }

    private static int CountDigits(ulong value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    /// <summary>A decimal printed with every digit of its scale (a rate or a multiple from the policy pack).</summary>
    internal readonly struct Plain(decimal value) : ISpanFormattable
    {
        public override string ToString() => value.ToString(CultureInfo.InvariantCulture);

        public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

        /// <remarks>The format and provider are ignored: the text is always invariant, as the default decimal format.</remarks>
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            // A negative zero keeps whatever the built-in formatting does with its sign.
            if (!TrySplit(value, out var mantissa, out var scale, out var negative) || (negative && mantissa == 0))
            {
                return value.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);
            }

            // Digits of the mantissa, with at least one before the point: 5 at scale 2 is "0.05".
            var digits = Math.Max(CountDigits(mantissa), scale + 1);
            var sign = negative ? 1 : 0;
            var length = sign + digits + (scale > 0 ? 1 : 0);
            if (destination.Length < length)
            {
                charsWritten = 0;
                return false;
            }

            if (negative)
            {
                destination[0] = '-';
            }

            var position = length - 1;
            for (var i = 0; i < digits; i++)
            {
                if (i == scale && scale > 0)
                {
                    destination[position--] = '.';
                }

                destination[position--] = (char)('0' + (int)(mantissa % 10));
                mantissa /= 10;
            }

            charsWritten = length;
            return true;
        }
    }

    /// <summary>A decimal printed with two places; a struct so interpolated handlers format it without boxing.</summary>
    internal readonly struct Fixed2(decimal value) : ISpanFormattable
    {
        // 10^0 … 10^19: every power of ten that fits in a ulong.
        private static readonly ulong[] Pow10 =
        [
            1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL,
            10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL, 100_000_000_000_000UL,
            1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
            10_000_000_000_000_000_000UL,
        ];

        public override string ToString() => ToString(null, null);

        public string ToString(string? format, IFormatProvider? formatProvider)
        {
            Span<char> buffer = stackalloc char[40];
            return TryFormat(buffer, out var written, default, null)
                ? new string(buffer[..written])
                : value.ToString("F2", CultureInfo.InvariantCulture);
        }

        /// <remarks>The format and provider are ignored: the text is always invariant with two places.</remarks>
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            if (!TryCents(value, out var cents, out var negative))
            {
                return value.TryFormat(destination, out charsWritten, "F2", CultureInfo.InvariantCulture);
            }

            var whole = cents / 100;
            var fraction = (int)(cents % 100);

            // "F2" never signs a value that rounds to zero (the number buffer drops the sign of a zero decimal).
            var sign = negative && cents != 0 ? 1 : 0;
            var digits = CountDigits(whole);
            var length = sign + digits + 3;
            if (destination.Length < length)
            {
                charsWritten = 0;
                return false;
            }

            if (sign == 1)
            {
                destination[0] = '-';
            }

            var position = sign + digits - 1;
            do
            {
                destination[position--] = (char)('0' + (int)(whole % 10));
                whole /= 10;
            }
            while (whole != 0);

            destination[sign + digits] = '.';
            destination[sign + digits + 1] = (char)('0' + (fraction / 10));
            destination[sign + digits + 2] = (char)('0' + (fraction % 10));
            charsWritten = length;
            return true;
        }

        /// <summary>
        /// |value| rounded to whole cents, midpoint away from zero — what "F2" rounds to. False when the
        /// mantissa needs more than 64 bits or the cents would overflow: the built-in formatting takes those.
        /// </summary>
        private static bool TryCents(decimal value, out ulong cents, out bool negative)
        {
            cents = 0;
            if (!TrySplit(value, out var mantissa, out var scale, out negative))
            {
                return false;
            }

            if (scale <= 2)
            {
                // Exact: multiply up to cents; 10^16 cents and beyond are left to the built-in formatting.
                const ulong Limit = 10_000_000_000_000_000UL;
                var factor = Pow10[2 - scale];
                if (mantissa >= Limit / factor)
                {
                    return false;
                }

                cents = mantissa * factor;
                return true;
            }

            var drop = scale - 2;
            if (drop >= Pow10.Length)
            {
                // A divisor of 10^20 or more exceeds twice any 64-bit mantissa: the value rounds to 0.00.
                return true;
            }

            var divisor = Pow10[drop];
            var quotient = mantissa / divisor;
            var remainder = mantissa - (quotient * divisor);

            // Midpoint away from zero on the magnitude: remainder ≥ divisor / 2, written so nothing overflows.
            cents = remainder >= divisor - remainder ? quotient + 1 : quotient;
            return true;
        }
    }
}
