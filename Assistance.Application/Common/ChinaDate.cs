namespace Assistance.Application.Common;

/// <summary>Events are dated on the China calendar (UTC+8, no daylight saving): a case accepted at 07:30 Beijing time is accepted that day.</summary>
public static class ChinaDate
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
    }
}
