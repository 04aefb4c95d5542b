namespace Assistance.Application.Calendar.ListCalendarYears;

using Assistance.Application.Abstractions;

public sealed class ListCalendarYearsHandler(ICalendarStore store) : IQueryHandler<ListCalendarYearsQuery, CalendarYearList>
{
    public async Task<CalendarYearList> Handle(ListCalendarYearsQuery request, CancellationToken cancellationToken) =>
        new((await store.ListYearsAsync(cancellationToken).ConfigureAwait(false)).Select(y => new CalendarYearRef(y)).ToList());
}
