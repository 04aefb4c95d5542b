namespace Assistance.Domain.Calendar;

using Assistance.Domain.Common;

/// <summary>
/// One year of the working-day calendar: the public holidays (法定节假日, including the weekend days
/// folded into a holiday block) and the make-up working days (调休上班, weekend days that are working days),
/// as published by the State Council General Office (国务院办公厅) for that year.
/// </summary>
public sealed class CalendarYear
{
    public CalendarYear(int year, IEnumerable<Holiday> holidays, IEnumerable<DateOnly> makeUpWorkingDays, string source)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);
        if (year is < 1949 or > 9999)
        {
            throw new DomainValidationException("year", $"{year} is not a calendar year this system can hold.");
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw new DomainValidationException("source", "Each calendar year names its source (the State Council notice).");
        }

        var holidayMap = new SortedDictionary<DateOnly, string>();
        foreach (var holiday in holidays)
        {
            if (holiday.Date.Year != year)
            {
                throw new DomainValidationException("holidays", $"{holiday.Date:yyyy-MM-dd} is not in {year}.");
            }

            if (string.IsNullOrWhiteSpace(holiday.Name))
            {
                throw new DomainValidationException("holidays", $"The holiday on {holiday.Date:yyyy-MM-dd} needs a name.");
            }

            if (!holidayMap.TryAdd(holiday.Date, holiday.Name.Trim()))
            {
                throw new DomainValidationException("holidays", $"{holiday.Date:yyyy-MM-dd} is listed twice.");
            }
        }

        var makeUpSet = new SortedSet<DateOnly>();
        foreach (var day in makeUpWorkingDays)
        {
            if (!makeUpSet.Add(day))
            {
                throw new DomainValidationException("makeUpWorkingDays", $"{day:yyyy-MM-dd} is listed twice.");
            }
        }

        foreach (var day in makeUpSet)
        {
            if (day.Year != year)
            {
                throw new DomainValidationException("makeUpWorkingDays", $"{day:yyyy-MM-dd} is not in {year}.");
            }

            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new DomainValidationException("makeUpWorkingDays", $"{day:yyyy-MM-dd} is a {day.DayOfWeek}: only a weekend day can be a make-up working day (调休).");
            }

            if (holidayMap.ContainsKey(day))
            {
                throw new DomainValidationException("makeUpWorkingDays", $"{day:yyyy-MM-dd} cannot be both a holiday and a make-up working day.");
            }
        }

        Year = year;
        HolidayNames = holidayMap;
        Holidays = new SortedSet<DateOnly>(holidayMap.Keys);
        MakeUpWorkingDays = makeUpSet;
        Source = source.Trim();
    }

    public int Year { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>Each holiday date with the holiday's name (春节, 国庆节 …), in date order.</summary>
    public IReadOnlyDictionary<DateOnly, string> HolidayNames { get; }

    public IReadOnlySet<DateOnly> MakeUpWorkingDays { get; }

    /// <summary>The notice this year's data comes from, e.g. 国办发明电〔2025〕7号.</summary>
    public string Source { get; }

    public bool IsWorkingDay(DateOnly day)
    {
        if (day.Year != Year)
        {
            throw new ArgumentOutOfRangeException(nameof(day), $"{day:yyyy-MM-dd} is not in {Year}.");
        }

        if (MakeUpWorkingDays.Contains(day))
        {
            return true;
        }

        return !Holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }
}

/// <summary>A public holiday date (法定节假日 or a rest day folded into a holiday block).</summary>
public sealed record Holiday(DateOnly Date, string Name);
