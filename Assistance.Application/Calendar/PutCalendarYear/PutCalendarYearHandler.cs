namespace Assistance.Application.Calendar.PutCalendarYear;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Calendar;

public sealed class PutCalendarYearHandler(ICalendarStore store, ICurrentUser user) : ICommandHandler<PutCalendarYearCommand, CalendarYearDto>
{
    public async Task<CalendarYearDto> Handle(PutCalendarYearCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The calendar is national: every region's working-day deadlines use it, so only a national token writes it.
        if (user.Region != Domain.Regions.RegionCode.National)
        {
            throw new ForbiddenException("The working-day calendar is national: only a national (000000) token may publish or replace a year.");
        }

        var year = new CalendarYear(request.Year, (request.Holidays ?? []).Select(h => new Holiday(h.Date, h.Name)), request.MakeUpWorkingDays ?? [], request.Source);
        var before = await store.FindAsync(request.Year, cancellationToken).ConfigureAwait(false);
        if (before is { } existing && (request.ExpectedVersion is null || !request.ExpectedVersion.Matches(existing.Version)))
        {
            throw new VersionMismatchException("CalendarYear", request.ExpectedVersion?.ToString() ?? "unversioned", existing.Version);
        }

        // Created or Replaced is audited from the publication's event, in this transaction.
        var version = await store.SaveAsync(CalendarYearPublication.Publish(year, before, request.Reason), cancellationToken).ConfigureAwait(false);
        var dto = CalendarMapping.ToDto(year, version);
        return dto;
    }
}
