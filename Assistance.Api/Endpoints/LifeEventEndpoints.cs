namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.LifeEvents;
using Assistance.Application.LifeEvents.GetLifeEvent;
using Assistance.Application.LifeEvents.ListLifeEvents;
using Assistance.Application.LifeEvents.ReceiveLifeEvent;
using Assistance.Domain.LifeEvents;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>/api/v1/life-events: life events reported by partner agencies .</summary>
public static class LifeEventEndpoints
{
    public static RouteGroupBuilder MapLifeEvents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/life-events").WithTags("LifeEvents");
        group.MapPost("/", ReceiveLifeEvent).RequireAuthorization(Scopes.EventsWrite)
            .WithSummary("Receives a life event from a partner agency and applies its effects in the month it happened (R-33).");
        group.MapGet("/", ListLifeEvents).RequireAuthorization(Scopes.CasesRead).WithSummary("Lists life events in a region subtree, matched or not.");
        group.MapGet("/{id:guid}", GetLifeEvent).RequireAuthorization(Scopes.CasesRead).WithSummary("Gets a life event with its effects.");
        return group;
    }

    /// <param name="body">The event: the agency's own event id, type, ID number, date, reporting agency (and for a birth the new person).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<LifeEventDto>> ReceiveLifeEvent(LifeEventRequest body, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var dto = await sender.Send(
            new ReceiveLifeEventCommand(
                body.EventId ?? string.Empty, body.Type, body.IdNumber ?? string.Empty, body.OccurredOn, body.ReportingAgency ?? string.Empty,
                body.NewPerson is { } p ? new NewPersonInput(p.IdNumber, p.Name, p.BirthDate) : null, body.Note),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/life-events/{dto.Id}", dto);
    }

    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="status">Only this status (Matched, Unmatched, Processed).</param>
    /// <param name="type">Only this type.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<LifeEventDto>>> ListLifeEvents(
        [StringLength(12, MinimumLength = 6)] string? regionCode, LifeEventStatus? status, LifeEventType? type, [Range(1, 200)] int? limit,
        [StringLength(500)] string? cursor, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListLifeEventsQuery(regionCode, status, type, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Life event id (the service's).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<LifeEventDto>> GetLifeEvent(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetLifeEventQuery(id), cancellationToken).ConfigureAwait(false));
}

/// <summary>A life event reported by a partner agency. The ID number travels in the body, never in the URL.</summary>
/// <param name="EventId">The agency's own id of the event: repeating it with the same content returns the first result; different content is 409.</param>
/// <param name="Type">What happened.</param>
/// <param name="IdNumber">The person's ID number; for a Birth, a registered member of the household (a parent).</param>
/// <param name="OccurredOn">When it happened.</param>
/// <param name="ReportingAgency">The agency reporting it (with eventId, the idempotency key).</param>
/// <param name="NewPerson">For a Birth only: the new person.</param>
/// <param name="Note">The agency's note.</param>
public sealed record LifeEventRequest(
    [property: Required, MaxLength(100)] string? EventId,
    LifeEventType Type,
    [property: Required, MaxLength(18)] string? IdNumber,
    DateOnly OccurredOn,
    [property: Required, MaxLength(200)] string? ReportingAgency,
    NewPersonRequest? NewPerson = null,
    [property: MaxLength(2000)] string? Note = null);

/// <summary>The new person of a Birth event.</summary>
/// <param name="IdNumber">Their ID number, when already issued.</param>
/// <param name="Name">Name.</param>
/// <param name="BirthDate">Date of birth.</param>
public sealed record NewPersonRequest([property: MaxLength(18)] string? IdNumber, [property: Required, MaxLength(100)] string? Name, DateOnly? BirthDate);
