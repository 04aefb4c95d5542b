namespace Assistance.Domain.Eligibility;

using System.Globalization;

/// <summary>
/// Number formatting for trace details. The trace prints money with two places ("F2", invariant); the
/// built-in decimal "F2" goes through the general number buffer (every digit of the 96-bit mantissa, then a
/// rounding pass), about 50–80 ns an amount against 5 ns for an integer, some 25 amounts per traced assessment
/// (issue 14). <see cref="F2(decimal)"/> prints the same text from integer arithmetic for every value below 10^14 (a
/// 28-digit per-capita quotient included) and hands any other to the built-in formatting, so the output is
/// identical for every decimal (tests compare both over random values of every scale and size).
/// </summary>
internal static class TraceFormat
{
    /// <summary>Formats <paramref name="value"/> exactly as <c>value.ToString("F2", CultureInfo.InvariantCulture)</c>.</summary>
    public static Fixed2 F2(decimal value) => new(value);

    /// <summary>
    /// Formats <paramref name="dividend"/> / <paramref name="divisor"/> exactly as <c>F2(dividend / divisor)</c>, but
    /// without the decimal division when the dividend is whole cents (a per-capita amount: total / n). The
    /// quotient of a 28-digit division is its slowest case and the slowest to print; in cents it is one integer
    /// division and its remainder (issue 14).
    /// </summary>
    public static PerCapita2 F2(decimal dividend, int divisor) => new(dividend, divisor);

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

    /// <summary>Writes <paramref name="cents"/> as "F2" prints that many cents; false when the destination is too short.</summary>
    private static bool WriteCents(Span<char> destination, ulong cents, bool negative, out int charsWritten)
    {
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

            return WriteCents(destination, cents, negative, out charsWritten);
        }

        /// <summary>
        /// |value| rounded to whole cents, midpoint away from zero — what "F2" rounds to. False when the result
        /// would not fit the integer path (10^16 cents or more): the built-in formatting takes those.
        /// </summary>
        private static bool TryCents(decimal value, out ulong cents, out bool negative)
        {
            cents = 0;
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            negative = bits[3] < 0;
            var scale = (bits[3] >> 16) & 0xFF;
            uint hi = (uint)bits[2], mid = (uint)bits[1], lo = (uint)bits[0];
            if (scale <= 2)
            {
                // Exact: multiply up to cents; 10^16 cents and beyond are left to the built-in formatting. The
                // limit per scale is a table, not 10^16 / factor: a 64-bit division on every amount (issue 14).
                var factor = Pow10[2 - scale];
                var mantissa = ((ulong)mid << 32) | lo;
                if (hi != 0 || mantissa >= Pow10[14 + scale])
                {
                    return false;
                }

                cents = mantissa * factor;
                return true;
            }

            // Midpoint away from zero looks at one digit only: the first dropped one (position scale − 3), ≥ 5
            // rounds the magnitude up. Divide down to it — nine digits at a time while the mantissa needs 96 bits
            // (a per-capita amount is a quotient with ~28 digits), then in 64 bits.
            var toRoundingDigit = scale - 3;
            while (hi != 0 && toRoundingDigit > 0)
            {
                var step = Math.Min(toRoundingDigit, 9);
                Divide(ref hi, ref mid, ref lo, (uint)Pow10[step]);
                toRoundingDigit -= step;
            }

            if (hi != 0)
            {
                return false;
            }

            var rest = ((ulong)mid << 32) | lo;
            rest = toRoundingDigit < Pow10.Length ? rest / Pow10[toRoundingDigit] : 0;
            var digit = rest % 10;
            cents = (rest / 10) + (digit >= 5 ? 1UL : 0UL);
            return true;
        }

        // The 96-bit mantissa hi:mid:lo divided by a 32-bit divisor, long division by 32-bit limbs.
        private static void Divide(ref uint hi, ref uint mid, ref uint lo, uint divisor)
        {
            ulong remainder = hi;
            hi = (uint)(remainder / divisor);
            remainder = ((remainder % divisor) << 32) | mid;
            mid = (uint)(remainder / divisor);
            remainder = ((remainder % divisor) << 32) | lo;
            lo = (uint)(remainder / divisor);
        }
    }

    /// <summary>
    /// dividend / divisor printed with two places, as <see cref="Fixed2"/> prints the decimal quotient. For a
    /// dividend of whole cents below 10^16 cents and a positive divisor: the quotient in cents is
    /// q = cents / divisor, rounded up (away from zero) when 2 × remainder ≥ divisor. That is what "F2" prints
    /// for the decimal quotient: the decimal division keeps at least 12 digits after the cents (28 significant
    /// digits, at most 14 before the point), and a quotient that is not a midpoint lies at least
    /// 1 / (2 × divisor) ≥ 2.3 × 10^-10 cents from one, so rounding the decimal quotient never reaches or passes a
    /// midpoint the exact quotient did not. Anything else is divided as a decimal and printed by <see cref="Fixed2"/>.
    /// </summary>
    internal readonly struct PerCapita2(decimal dividend, int divisor) : ISpanFormattable
    {
        private const ulong LimitCents = 10_000_000_000_000_000UL;

        public override string ToString() => ToString(null, null);

        public string ToString(string? format, IFormatProvider? formatProvider)
        {
            Span<char> buffer = stackalloc char[40];
            return TryFormat(buffer, out var written, default, null)
                ? new string(buffer[..written])
                : new Fixed2(dividend / divisor).ToString();
        }

        /// <remarks>The format and provider are ignored: the text is always invariant with two places.</remarks>
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            if (divisor <= 0 || !TrySplit(dividend, out var mantissa, out var scale, out var negative) || scale > 2)
            {
                return new Fixed2(dividend / divisor).TryFormat(destination, out charsWritten, format, provider);
            }

            var factor = scale == 2 ? 1UL : scale == 1 ? 10UL : 100UL;
            if (mantissa >= LimitCents / factor)
            {
                return new Fixed2(dividend / divisor).TryFormat(destination, out charsWritten, format, provider);
            }

            var cents = mantissa * factor;
            var quotient = cents / (uint)divisor;
            var remainder = cents - (quotient * (uint)divisor);
            if (2 * remainder >= (uint)divisor)
            {
                quotient++;
            }

            return WriteCents(destination, quotient, negative, out charsWritten);
        }
    }
}
