namespace Assistance.Application.Calendar;

using System.ComponentModel.DataAnnotations;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Calendar;
using FluentValidation;

/// <summary>A year of the working-day calendar as the API shows it.</summary>
public sealed record CalendarYearDto(
    [property: Range(2000, 2100)] int Year,
    [property: MaxLength(500)] string Source,
    [property: MaxLength(120)] IReadOnlyList<HolidayDto> Holidays,
    [property: MaxLength(30)] IReadOnlyList<DateOnly> MakeUpWorkingDays,
    [property: Range(0, long.MaxValue)] long Version);

/// <summary>A public holiday date with the holiday's name.</summary>
public sealed record HolidayDto(DateOnly Date, [property: Required, MaxLength(100)] string Name);

/// <summary>The years the calendar holds.</summary>
public sealed record CalendarYearList([property: MaxLength(101)] IReadOnlyList<CalendarYearRef> Items);

/// <summary>A year the calendar holds.</summary>
public sealed record CalendarYearRef([property: Range(2000, 2100)] int Year);

public interface ICalendarStore
{
    Task<(CalendarYear Year, long Version)?> FindAsync(int year, CancellationToken cancellationToken);

    Task<IReadOnlyList<int>> ListYearsAsync(CancellationToken cancellationToken);

    /// <summary>Every stored year (a few hundred rows): what deadlines are computed on.</summary>
    Task<WorkingDayCalendar> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Creates (expectedVersion null) or replaces the year; returns the new version. 412 on a stale version.</summary>
    Task<long> SaveAsync(CalendarYear year, long? expectedVersion, CancellationToken cancellationToken);
}

internal static class CalendarMapping
{
    public static CalendarYearDto ToDto(CalendarYear year, long version) => new(
        year.Year,
        year.Source,
        year.HolidayNames.Select(h => new HolidayDto(h.Key, h.Value)).ToList(),
        [.. year.MakeUpWorkingDays],
        version);
}

public sealed record GetCalendarYearQuery(int Year) : IQuery<CalendarYearDto>;

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

public sealed record ListCalendarYearsQuery : IQuery<CalendarYearList>;

public sealed class ListCalendarYearsHandler(ICalendarStore store) : IQueryHandler<ListCalendarYearsQuery, CalendarYearList>
{
    public async Task<CalendarYearList> Handle(ListCalendarYearsQuery request, CancellationToken cancellationToken) =>
        new((await store.ListYearsAsync(cancellationToken).ConfigureAwait(false)).Select(y => new CalendarYearRef(y)).ToList());
}

/// <summary>Publishes or corrects a year (policy.admin). Replacing an existing year needs its version (If-Match).</summary>
public sealed record PutCalendarYearCommand(int Year, string Source, IReadOnlyList<HolidayDto> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays, IfMatch? ExpectedVersion, string? Reason)
    : ICommand<CalendarYearDto>;

public sealed class PutCalendarYearValidator : AbstractValidator<PutCalendarYearCommand>
{
    public PutCalendarYearValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100);
        RuleFor(c => c.Source).NotEmpty().MaximumLength(500);
        RuleFor(c => c.Holidays).NotNull();
        RuleFor(c => c.MakeUpWorkingDays).NotNull();
        RuleForEach(c => c.Holidays).NotNull().WithMessage("A holiday entry cannot be null: give its date and name.");
        RuleForEach(c => c.MakeUpWorkingDays).NotEqual(default(DateOnly)).WithMessage("A make-up working day must be a date (YYYY-MM-DD).");
        RuleForEach(c => c.Holidays).ChildRules(h => h.RuleFor(x => x.Name).NotEmpty().MaximumLength(100));
        RuleFor(c => c.Reason).MaximumLength(1000);
    }
}

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
