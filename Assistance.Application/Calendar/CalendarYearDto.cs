namespace Assistance.Application.Calendar;

using System.ComponentModel.DataAnnotations;

/// <summary>A year of the working-day calendar as the API shows it.</summary>
public sealed record CalendarYearDto(
    [property: Range(2000, 2100)] int Year,
    [property: MaxLength(500)] string Source,
    [property: MaxLength(120)] IReadOnlyList<HolidayDto> Holidays,
    [property: MaxLength(30)] IReadOnlyList<DateOnly> MakeUpWorkingDays,
    [property: Range(0, long.MaxValue)] long Version);

/// <summary>A public holiday date with the holiday's name.</summary>
public sealed record HolidayDto(DateOnly Date, [property: Required, MaxLength(100)] string Name);
