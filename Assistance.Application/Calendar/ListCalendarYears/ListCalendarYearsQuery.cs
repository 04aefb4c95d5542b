namespace Assistance.Application.Calendar.ListCalendarYears;

using Assistance.Application.Abstractions;

public sealed record ListCalendarYearsQuery : IQuery<CalendarYearList>;
