namespace Assistance.Domain.Calendar;

using Assistance.Domain.Common;

/// <summary>
/// Working days (工作日) for the statutory time limits of domain.md §7: Monday to Friday, minus public
/// holidays, plus make-up working weekend days (调休). A date in a year the calendar does not hold is an explicit
/// error (<see cref="CalendarYearMissingException"/>), never a guess from weekdays alone.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<int, CalendarYear> years;

    public WorkingDayCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        this.years = [];
        foreach (var year in years)
        {
            if (!this.years.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"Calendar year {year.Year} given twice.", nameof(years));
            }
        }
    }

    public IReadOnlyCollection<int> Years => years.Keys;

    public bool HasYear(int year) => years.ContainsKey(year);

    public bool IsWorkingDay(DateOnly day) => Year(day.Year).IsWorkingDay(day);

    /// <summary>
    /// The date on which a limit of <paramref name="workingDays"/> working days counted from
    /// <paramref name="start"/> expires: the start day itself is not counted (the period starts the next day),
    /// so the result is the n-th working day after <paramref name="start"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var remaining = workingDays;
        while (remaining > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private CalendarYear Year(int year) =>
        years.TryGetValue(year, out var found) ? found : throw new CalendarYearMissingException(year);
}

/// <summary>A deadline needs a year the calendar does not hold: maintain /api/v1/calendar/{year} first .</summary>
public sealed class CalendarYearMissingException(int year)
    : BusinessRuleViolationException(
        "calendar.year-missing",
        $"The working-day calendar has no data for {year}: publish the {year} holidays and make-up working days (PUT /api/v1/calendar/{year}) before computing deadlines in that year.",
        "R-50")
{
    public int Year { get; } = year;
}
