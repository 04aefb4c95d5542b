namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;
using Assistance.Application.CareAgreements;
using Assistance.Application.CareAgreements.CreateCareAgreement;
using Assistance.Application.CareAgreements.GetCareAgreement;
using Assistance.Application.CareAgreements.ListMissingCareAgreements;
using Assistance.Application.CareAgreements.ListOverdueCareVisits;
using Assistance.Application.CareAgreements.RecordCareVisit;
using Assistance.Application.Common;

/// <summary>/api/v1/care-agreements: care agreements (关爱照料协议) of decentralized tekun persons and their visits .</summary>
public static class CareAgreementEndpoints
{
    public static RouteGroupBuilder MapCareAgreements(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/care-agreements").WithTags("CareAgreements");
        group.MapPost("/", CreateCareAgreement).RequireAuthorization(Scopes.CasesWrite).AcceptIdempotencyKey()
            .WithSummary("Creates the care agreement of a decentralized tekun enrolment: carer, duties, visit frequency.");
        group.MapGet("/overdue", ListOverdueCareVisits).RequireAuthorization(Scopes.CasesRead)
            .WithSummary("Lists agreements whose next visit is overdue in a region subtree.");
        group.MapGet("/missing", ListMissingCareAgreements).RequireAuthorization(Scopes.CasesRead)
            .WithSummary("Lists active decentralized tekun enrolments that have no care agreement yet (R-23).");
        group.MapGet("/{id:guid}", GetCareAgreement).RequireAuthorization(Scopes.CasesRead).WithSummary("Gets a care agreement with its visits.");
        group.MapPost("/{id:guid}/visits", RecordCareVisit).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Records a visit to the tekun person.");
        return group;
    }

    /// <param name="body">Enrolment, carer, duties, visit frequency in days and start date.</param>
    /// <param name="http">HTTP context (for the ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<CareAgreementDto>> CreateCareAgreement(CareAgreementRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        var dto = await sender.Send(
            new CreateCareAgreementCommand(body.EnrolmentId, body.CarerName ?? string.Empty, body.CarerPhone, body.Duties ?? string.Empty, body.VisitFrequencyDays, body.StartsOn, body.Reason),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/care-agreements/{dto.Id}", dto);
    }

    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<CareAgreementList>> ListOverdueCareVisits([StringLength(12, MinimumLength = 6)] string? regionCode, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CareAgreementList(await sender.Send(new ListOverdueCareVisitsQuery(regionCode), cancellationToken).ConfigureAwait(false)));

    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<EnrolmentWithoutAgreementList>> ListMissingCareAgreements(
        [StringLength(12, MinimumLength = 6)] string? regionCode, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(new EnrolmentWithoutAgreementList(await sender.Send(new ListMissingCareAgreementsQuery(regionCode), cancellationToken).ConfigureAwait(false)));

    /// <param name="id">Care agreement id.</param>
    /// <param name="http">HTTP context (for the ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<CareAgreementDto>> GetCareAgreement(Guid id, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var dto = await sender.Send(new GetCareAgreementQuery(id), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(dto);
    }

    /// <param name="id">Care agreement id.</param>
    /// <param name="body">Visit date (defaults to today), visitor and notes.</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<CareAgreementDto>> RecordCareVisit(Guid id, CareVisitRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        var dto = await sender.Send(new RecordCareVisitCommand(id, Preconditions.IfMatchVersion(http), body.VisitedOn, body.Visitor ?? string.Empty, body.Notes ?? string.Empty), cancellationToken)
            .ConfigureAwait(false);
        return TypedResults.Ok(dto);
    }
}

/// <summary>A new care agreement.</summary>
/// <param name="EnrolmentId">The decentralized tekun enrolment.</param>
/// <param name="CarerName">The carer (照料人).</param>
/// <param name="CarerPhone">The carer's phone.</param>
/// <param name="Duties">The carer's duties.</param>
/// <param name="VisitFrequencyDays">A visit is due every this many days.</param>
/// <param name="StartsOn">Start date (defaults to today).</param>
/// <param name="Reason">Note for the audit trail.</param>
public sealed record CareAgreementRequest(
    Guid EnrolmentId, [property: Required, MaxLength(100)] string? CarerName, [property: MaxLength(40)] string? CarerPhone, [property: Required, MaxLength(4000)] string? Duties,
    [property: Range(1, 366)] int VisitFrequencyDays, DateOnly? StartsOn = null, [property: MaxLength(ReasonRules.MaxLength)] string? Reason = null);

/// <summary>Care agreements.</summary>
/// <param name="Items">The agreements, most overdue first.</param>
public sealed record CareAgreementList([property: MaxLength(10000)] IReadOnlyList<CareAgreementDto> Items);

/// <summary>Decentralized tekun enrolments without a care agreement.</summary>
/// <param name="Items">The enrolments, oldest approval first.</param>
public sealed record EnrolmentWithoutAgreementList([property: MaxLength(10000)] IReadOnlyList<EnrolmentWithoutAgreementDto> Items);

/// <summary>A visit to a decentralized tekun person.</summary>
/// <param name="VisitedOn">Visit date (defaults to today).</param>
/// <param name="Visitor">Who visited.</param>
/// <param name="Notes">What was found.</param>
public sealed record CareVisitRequest(DateOnly? VisitedOn = null, [property: Required, MaxLength(100)] string? Visitor = null, [property: Required, MaxLength(4000)] string? Notes = null);
