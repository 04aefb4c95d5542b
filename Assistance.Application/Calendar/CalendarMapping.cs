namespace Assistance.Application.Calendar;

using Assistance.Domain.Calendar;

internal static class CalendarMapping
{
    public static CalendarYearDto ToDto(CalendarYear year, long version) => new(
        year.Year,
        year.Source,
        year.HolidayNames.Select(h => new HolidayDto(h.Key, h.Value)).ToList(),
        [.. year.MakeUpWorkingDays],
        version);
}
