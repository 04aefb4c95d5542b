namespace Assistance.Application.Calendar.GetCalendarYear;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetCalendarYearHandler(ICalendarStore store) : IQueryHandler<GetCalendarYearQuery, CalendarYearDto>
{
    public async Task<CalendarYearDto> Handle(GetCalendarYearQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await store.FindAsync(request.Year, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("CalendarYear", request.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return CalendarMapping.ToDto(found.Year, found.Version);
    }
}
