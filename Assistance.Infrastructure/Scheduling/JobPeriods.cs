namespace Assistance.Infrastructure.Scheduling;

using System.Globalization;

/// <summary>Periods on the China calendar (UTC+8, no daylight saving), as job_runs stores them.</summary>
public static class JobPeriods
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The period a run at <paramref name="at"/> works on.</summary>
    public static JobPeriod At(JobPeriodKind kind, DateTimeOffset at)
    {
        var local = at.ToOffset(ChinaOffset);
        var day = DateOnly.FromDateTime(local.DateTime);
        return kind switch
        {
            JobPeriodKind.Hour => Hour(new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, ChinaOffset)),
            JobPeriodKind.Day => Day(day),
            _ => Month(new DateOnly(day.Year, day.Month, 1).AddMonths(-1)),
        };
    }

    public static bool TryParse(JobPeriodKind kind, string text, out JobPeriod period)
    {
        period = null!;
        switch (kind)
        {
            case JobPeriodKind.Hour when text.Length == 13
                && DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.None, out var hour):
                period = Hour(new DateTimeOffset(hour, ChinaOffset));
                return true;
            case JobPeriodKind.Day when text.Length == 10
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                period = Day(day);
                return true;
            case JobPeriodKind.PreviousMonth when text.Length == 7
                && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first):
                period = Month(first);
                return true;
            default:
                return false;
        }
    }

    public static string Describe(JobPeriodKind kind) => kind switch
    {
        JobPeriodKind.Hour => "hour",
        JobPeriodKind.Day => "day",
        _ => "month",
    };

    private static JobPeriod Hour(DateTimeOffset start)
    {
        var day = DateOnly.FromDateTime(start.DateTime);
        return new JobPeriod(JobPeriodKind.Hour, start.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture), day, day.AddDays(1))
        {
            HourStart = start.ToUniversalTime(),
        };
    }

    private static JobPeriod Day(DateOnly day) =>
        new(JobPeriodKind.Day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, day.AddDays(1));

    private static JobPeriod Month(DateOnly first) =>
        new(JobPeriodKind.PreviousMonth, first.ToString("yyyy-MM", CultureInfo.InvariantCulture), first, first.AddMonths(1));
}
