namespace Assistance.Domain.Common;

using System.Globalization;

/// <summary>
/// An amount of money in yuan (元) with at most two decimals: whole fen (分), never a fraction of one. The one place
/// that knows what a valid amount is and how it is carried (two decimals of scale, so 1170 is 1170.00).
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(decimal yuan) => Yuan = yuan + 0.00m;

    public static Money Zero { get; } = new(0m);

    /// <summary>The amount in yuan, always with two decimals of scale.</summary>
    public decimal Yuan { get; }

    public static Money operator +(Money left, Money right) => new(left.Yuan + right.Yuan);

    public static Money operator -(Money left, Money right) => new(left.Yuan - right.Yuan);

    public static bool operator <(Money left, Money right) => left.Yuan < right.Yuan;

    public static bool operator >(Money left, Money right) => left.Yuan > right.Yuan;

    public static bool operator <=(Money left, Money right) => left.Yuan <= right.Yuan;

    public static bool operator >=(Money left, Money right) => left.Yuan >= right.Yuan;

    /// <summary>True when the amount is a whole number of fen (at most two decimals).</summary>
    public static bool IsWholeFen(decimal yuan) => decimal.Round(yuan, 2) == yuan;

    /// <summary>True when the amount is a whole number of fen and not negative.</summary>
    public static bool IsNonNegativeWholeFen(decimal yuan) => yuan >= 0 && IsWholeFen(yuan);

    /// <summary>The amount as money; a fraction of a fen is refused, never rounded away.</summary>
    /// <exception cref="DomainValidationException">The amount has more than two decimals.</exception>
    public static Money FromYuan(decimal yuan, string field) =>
        IsWholeFen(yuan) ? new(yuan) : throw new DomainValidationException(field, "An amount of money is a number of yuan with at most two decimals.");

    /// <summary>The amount as money where the domain allows no negative amount.</summary>
    /// <exception cref="DomainValidationException">The amount is negative or has more than two decimals.</exception>
    public static Money NonNegative(decimal yuan, string field, string message) =>
        IsNonNegativeWholeFen(yuan) ? new(yuan) : throw new DomainValidationException(field, message);

    /// <summary>A computed amount rounded to the fen, half away from zero (payment.rounding = Cent).</summary>
    public static Money RoundToFen(decimal yuan) => new(decimal.Round(yuan, 2, MidpointRounding.AwayFromZero));

    /// <summary>A computed amount rounded up to the whole yuan (payment.rounding = Yuan).</summary>
    public static Money RoundUpToYuan(decimal yuan) => new(decimal.Ceiling(yuan));

    public Money Multiply(decimal factor, Func<decimal, Money> rounding)
    {
        ArgumentNullException.ThrowIfNull(rounding);
        return rounding(Yuan * factor);
    }

    public int CompareTo(Money other) => Yuan.CompareTo(other.Yuan);

    public override string ToString() => Yuan.ToString("0.00", CultureInfo.InvariantCulture);
}
