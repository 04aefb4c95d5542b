namespace Assistance.Application.Calendar;

using Assistance.Domain.Calendar;

public interface ICalendarStore
{
    Task<(CalendarYear Year, long Version)?> FindAsync(int year, CancellationToken cancellationToken);

    Task<IReadOnlyList<int>> ListYearsAsync(CancellationToken cancellationToken);

    /// <summary>Every stored year (a few hundred rows): what deadlines are computed on.</summary>
    Task<WorkingDayCalendar> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates the year, or replaces it over <see cref="CalendarYearPublication.ReplacedVersion"/>; returns the new version
    /// (412 on a stale version) and hands the publication's events to the command's collector.
    /// </summary>
    Task<long> SaveAsync(CalendarYearPublication publication, CancellationToken cancellationToken);
}
