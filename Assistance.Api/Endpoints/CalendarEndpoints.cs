namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using Assistance.Application.Calendar.GetCalendarYear;
using Assistance.Application.Calendar.ListCalendarYears;
using Assistance.Application.Calendar.PutCalendarYear;
using Assistance.Application.Common;

/// <summary>/api/v1/calendar: public holidays and make-up working days per year, on which working-day deadlines are computed.</summary>
public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendar(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendar").WithTags("Calendar");
        group.MapGet("/", ListCalendarYears).RequireAuthorization(Scopes.PolicyRead).WithSummary("Lists the years the working-day calendar holds.");
        group.MapGet("/{year:int}", GetCalendarYear).RequireAuthorization(Scopes.PolicyRead)
            .WithSummary("Gets one year's public holidays and make-up working days (调休) with the notice they come from.");
        group.MapPut("/{year:int}", PutCalendarYear).RequireAuthorization(Scopes.PolicyAdmin).AcceptIdempotencyKey()
            .WithSummary("Publishes a year, or replaces it (If-Match with the year's ETag required when it exists).");
        return group;
    }

    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<CalendarYearList>> ListCalendarYears(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListCalendarYearsQuery(), cancellationToken).ConfigureAwait(false));

    /// <param name="year">Calendar year, e.g. 2026.</param>
    /// <param name="http">HTTP context (for the ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<CalendarYearDto>> GetCalendarYear([Range(2000, 2100)] int year, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var dto = await sender.Send(new GetCalendarYearQuery(year), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(dto);
    }

    /// <param name="year">Calendar year, e.g. 2027.</param>
    /// <param name="body">The year's holidays (each date with its holiday name), make-up working weekend days and the source notice.</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<CalendarYearDto>> PutCalendarYear([Range(2000, 2100)] int year, CalendarYearRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        Application.Common.IfMatch? expected = null;
        if (!string.IsNullOrWhiteSpace(http.Request.Headers.IfMatch.ToString()))
        {
            expected = Preconditions.ParseIfMatch(http.Request.Headers.IfMatch.ToString())
                ?? throw new Domain.Common.DomainValidationException("If-Match", "If-Match must be * or a comma-separated list of entity-tags, each in double quotes as returned in ETag, e.g. \"3\".");
        }

        var dto = await sender.Send(
            new PutCalendarYearCommand(year, body.Source, body.Holidays ?? [], body.MakeUpWorkingDays ?? [], expected, body.Reason), cancellationToken)
            .ConfigureAwait(false);
        return TypedResults.Ok(dto);
    }
}

/// <summary>A year of the working-day calendar.</summary>
/// <param name="Source">The State Council notice the dates come from, e.g. 国办发明电〔2025〕7号.</param>
/// <param name="Holidays">Every rest day of each holiday block, with the holiday's name.</param>
/// <param name="MakeUpWorkingDays">Weekend days that are working days (调休上班).</param>
/// <param name="Reason">Why the year is published or corrected (audited).</param>
public sealed record CalendarYearRequest(
    [property: MaxLength(500)] string Source,
    [property: Required, MaxLength(120)] IReadOnlyList<HolidayDto>? Holidays,
    [property: Required, MaxLength(30)] IReadOnlyList<DateOnly>? MakeUpWorkingDays,
    [property: MaxLength(ReasonRules.MaxLength)] string? Reason = null);
