namespace Assistance.Application.Calendar.PutCalendarYear;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Calendar;

public sealed class PutCalendarYearHandler(ICalendarStore store, IAuditLog audit, ICurrentUser user) : ICommandHandler<PutCalendarYearCommand, CalendarYearDto>
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

        var version = await store.SaveAsync(year, before?.Version, cancellationToken).ConfigureAwait(false);
        var dto = CalendarMapping.ToDto(year, version);
        await audit.RecordAsync(
            new AuditEntry("CalendarYear", request.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), before is null ? "Created" : "Replaced",
                Domain.Regions.RegionCode.National, before is { } b ? CalendarMapping.ToDto(b.Year, b.Version) : null, dto, request.Reason),
            cancellationToken).ConfigureAwait(false);
        return dto;
    }
}
