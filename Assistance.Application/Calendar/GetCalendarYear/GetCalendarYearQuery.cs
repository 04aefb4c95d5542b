namespace Assistance.Application.Calendar.GetCalendarYear;

using Assistance.Application.Abstractions;

public sealed record GetCalendarYearQuery(int Year) : IQuery<CalendarYearDto>;
