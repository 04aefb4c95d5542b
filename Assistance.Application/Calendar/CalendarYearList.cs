namespace Assistance.Application.Calendar;

using System.ComponentModel.DataAnnotations;

/// <summary>The years the calendar holds.</summary>
public sealed record CalendarYearList([property: MaxLength(101)] IReadOnlyList<CalendarYearRef> Items);

/// <summary>A year the calendar holds.</summary>
public sealed record CalendarYearRef([property: Range(2000, 2100)] int Year);
