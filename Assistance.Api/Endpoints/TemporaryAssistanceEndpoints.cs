namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.TemporaryAssistance;
using Assistance.Application.TemporaryAssistance.ApproveTemporaryAssistance;
using Assistance.Application.TemporaryAssistance.GetTemporaryAssistance;
using Assistance.Application.TemporaryAssistance.ListTemporaryAssistance;
using Assistance.Application.TemporaryAssistance.OpenTemporaryAssistance;
using Assistance.Application.TemporaryAssistance.PayTemporaryAssistance;
using Assistance.Application.TemporaryAssistance.RecordTemporaryAssistancePaperwork;
using Assistance.Application.TemporaryAssistance.RefuseTemporaryAssistance;
using Assistance.Domain.Households;
using Assistance.Domain.TemporaryAssistance;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>
/// /api/v1/temporary-assistance: temporary-assistance cases (临时救助, R-42 … R-45) — recorded where the emergency
/// happened, decided at the tier their amount calls for, paid from the township's reserve fund, emergency cases paid
/// first with their paperwork afterwards. Every step is a POST with If-Match and an optional Idempotency-Key.
/// </summary>
public static class TemporaryAssistanceEndpoints
{
    public static RouteGroupBuilder MapTemporaryAssistance(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/temporary-assistance").WithTags("TemporaryAssistance");
        group.MapPost("/", OpenTemporaryAssistance).RequireAuthorization(Scopes.CasesWrite).AcceptIdempotencyKey()
            .WithSummary("Records a temporary-assistance case in the township where the emergency happened; measures the amount in months of the local standard and derives the approval tier.");
        group.MapGet("/", ListTemporaryAssistance).RequireAuthorization(Scopes.CasesRead)
            .WithSummary("Lists temporary-assistance cases in a region subtree; paperworkOverdue=true lists first-aid payments whose paperwork is late.");
        group.MapGet("/{id:guid}", GetTemporaryAssistance).RequireAuthorization(Scopes.CasesRead)
            .WithSummary("Gets a temporary-assistance case with its evaluation and the parameters it read.");
        group.MapPost("/{id:guid}/approval", ApproveTemporaryAssistance).RequireAuthorization(Scopes.CasesApprove).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Approves the case at its tier (township, county, or 一事一议 with the meeting's reference).");
        group.MapPost("/{id:guid}/refusal", RefuseTemporaryAssistance).RequireAuthorization(Scopes.CasesApprove).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Refuses the case at its tier, with written reasons.");
        group.MapPost("/{id:guid}/payment", PayTemporaryAssistance).RequireAuthorization(Scopes.PaymentsWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Pays the case from the township's reserve fund; a submitted emergency case is paid first (先行救助).");
        group.MapPost("/{id:guid}/paperwork", RecordTemporaryAssistancePaperwork).RequireAuthorization(Scopes.CasesApprove).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Records the paperwork of a first-aid payment afterwards (事后补充说明情况) with the approval at the case's tier.");
        return group;
    }

    /// <param name="body">Township, type, person, what happened and the amount requested.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<TemporaryAssistanceDto>> OpenTemporaryAssistance(TemporaryAssistanceRequest body, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var dto = await sender.Send(
            new OpenTemporaryAssistanceCommand(
                body.TownshipCode ?? string.Empty, body.Type, body.PersonName ?? string.Empty, body.IdNumber ?? string.Empty, body.OccurredOn,
                body.Description ?? string.Empty, body.AmountRequested, body.UnemployedMigrantGrant, body.Residence, body.Reason),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/temporary-assistance/{dto.Id}", dto);
    }

    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="status">Only cases in this status.</param>
    /// <param name="type">Only Emergency or only Expenditure cases.</param>
    /// <param name="tier">Only cases of this approval tier.</param>
    /// <param name="paperworkOverdue">true: only first-aid payments whose paperwork is past its due day.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<TemporaryAssistanceDto>>> ListTemporaryAssistance(
        [StringLength(12, MinimumLength = 6)] string? regionCode, TemporaryAssistanceStatus? status, TemporaryAssistanceType? type, ApprovalTier? tier,
        bool? paperworkOverdue, [Range(1, 200)] int? limit, [StringLength(500)] string? cursor, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new ListTemporaryAssistanceQuery(regionCode, status, type, tier, paperworkOverdue, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Case id.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<TemporaryAssistanceDto>> GetTemporaryAssistance(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetTemporaryAssistanceQuery(id), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Case id.</param>
    /// <param name="body">The meeting reference (required for 一事一议) and why.</param>
    /// <param name="http">HTTP context (If-Match).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<TemporaryAssistanceDto>> ApproveTemporaryAssistance(
        Guid id, TemporaryAssistanceApprovalRequest? body, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new ApproveTemporaryAssistanceCommand(id, Preconditions.IfMatchVersion(http), body?.MeetingReference, body?.Reason), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Case id.</param>
    /// <param name="body">Written reasons (required).</param>
    /// <param name="http">HTTP context (If-Match).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<TemporaryAssistanceDto>> RefuseTemporaryAssistance(
        Guid id, TemporaryAssistanceRefusalRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TypedResults.Ok(await sender.Send(
            new RefuseTemporaryAssistanceCommand(id, Preconditions.IfMatchVersion(http), body.Reasons ?? string.Empty), cancellationToken).ConfigureAwait(false));
    }

    /// <param name="id">Case id.</param>
    /// <param name="body">Why (audited).</param>
    /// <param name="http">HTTP context (If-Match).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<TemporaryAssistanceDto>> PayTemporaryAssistance(
        Guid id, ReasonRequest? body, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new PayTemporaryAssistanceCommand(id, Preconditions.IfMatchVersion(http), body?.Reason), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Case id.</param>
    /// <param name="body">The explanation, the meeting reference (required for 一事一议) and why.</param>
    /// <param name="http">HTTP context (If-Match).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<TemporaryAssistanceDto>> RecordTemporaryAssistancePaperwork(
        Guid id, TemporaryAssistancePaperworkRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TypedResults.Ok(await sender.Send(
            new RecordTemporaryAssistancePaperworkCommand(id, Preconditions.IfMatchVersion(http), body.Explanation ?? string.Empty, body.MeetingReference, body.Reason),
            cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>A new temporary-assistance case .</summary>
/// <param name="TownshipCode">The township (9 digits) where the emergency happened; it decides and pays.</param>
/// <param name="Type">Emergency (急难型) or Expenditure (支出型).</param>
/// <param name="PersonName">The person assisted.</param>
/// <param name="IdNumber">Their ID number; any hukou, local or not.</param>
/// <param name="OccurredOn">When the emergency happened (not in the future).</param>
/// <param name="Description">What happened.</param>
/// <param name="AmountRequested">Yuan, at most two decimals, positive.</param>
/// <param name="UnemployedMigrantGrant">The unemployed-migrant one-off grant (S0 三): the amount must lie in its band.</param>
/// <param name="Residence">Urban or Rural standard of the township; omitted: 街道 (codes 001–099) urban, towns rural.</param>
/// <param name="Reason">Note for the audit trail.</param>
public sealed record TemporaryAssistanceRequest(
    [property: Required, MaxLength(12)] string? TownshipCode,
    TemporaryAssistanceType Type,
    [property: Required, MaxLength(100)] string? PersonName,
    [property: Required, MaxLength(18)] string? IdNumber,
    DateOnly OccurredOn,
    [property: Required, MaxLength(4000)] string? Description,
    [property: Range(0.01, 10_000_000)] decimal AmountRequested,
    bool UnemployedMigrantGrant = false,
    ResidenceType? Residence = null,
    [property: MaxLength(2000)] string? Reason = null);

/// <summary>An approval at the case's tier.</summary>
/// <param name="MeetingReference">The county coordination meeting's reference (required for 一事一议).</param>
/// <param name="Reason">Note for the audit trail.</param>
public sealed record TemporaryAssistanceApprovalRequest([property: MaxLength(200)] string? MeetingReference = null, [property: MaxLength(2000)] string? Reason = null);

/// <summary>A refusal.</summary>
/// <param name="Reasons">Written reasons (required).</param>
public sealed record TemporaryAssistanceRefusalRequest([property: Required, MaxLength(4000)] string? Reasons);

/// <summary>The paperwork of a first-aid payment.</summary>
/// <param name="Explanation">The after-the-fact explanation (事后补充说明情况).</param>
/// <param name="MeetingReference">The county coordination meeting's reference (required for 一事一议).</param>
/// <param name="Reason">Note for the audit trail.</param>
public sealed record TemporaryAssistancePaperworkRequest(
    [property: Required, MaxLength(4000)] string? Explanation, [property: MaxLength(200)] string? MeetingReference = null, [property: MaxLength(2000)] string? Reason = null);
