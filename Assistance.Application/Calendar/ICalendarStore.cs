namespace Assistance.Application.Calendar;

using Assistance.Domain.Calendar;

public interface ICalendarStore
{
    Task<(CalendarYear Year, long Version)?> FindAsync(int year, CancellationToken cancellationToken);

    Task<IReadOnlyList<int>> ListYearsAsync(CancellationToken cancellationToken);

    /// <summary>Every stored year (a few hundred rows): what deadlines are computed on.</summary>
    Task<WorkingDayCalendar> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Creates (expectedVersion null) or replaces the year; returns the new version. 412 on a stale version.</summary>
    Task<long> SaveAsync(CalendarYear year, long? expectedVersion, CancellationToken cancellationToken);
}
