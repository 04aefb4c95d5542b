namespace Assistance.Application.Calendar.PutCalendarYear;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>Publishes or corrects a year (policy.admin). Replacing an existing year needs its version (If-Match).</summary>
public sealed record PutCalendarYearCommand(int Year, string Source, IReadOnlyList<HolidayDto> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays, IfMatch? ExpectedVersion, string? Reason)
    : ICommand<CalendarYearDto>;
