namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Applications;
using Assistance.Application.Applications.DecideApplication;
using Assistance.Application.Applications.GetApplication;
using Assistance.Application.Applications.ListApplications;
using Assistance.Application.Applications.SelectRandomChecks;
using Assistance.Application.Applications.SubmitApplication;
using Assistance.Application.Common;
using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;
using Microsoft.AspNetCore.Http.HttpResults;
using Assistance.Application.Applications.AcceptApplication;
using Assistance.Application.Applications.ClosePublicNotice;
using Assistance.Application.Applications.ExtendApplication;
using Assistance.Application.Applications.IssueRefusalNotice;
using Assistance.Application.Applications.OpenPublicNotice;
using Assistance.Application.Applications.RecordCountyHomeVisit;
using Assistance.Application.Applications.RecordHomeSurvey;
using Assistance.Application.Applications.RecordObjection;
using Assistance.Application.Applications.RecordVerificationResult;
using Assistance.Application.Applications.RequestVerification;

/// <summary>
/// /api/v1/applications: applications and their statutory workflow (审核确认, R-20, R-21, R-50). Every transition is a
/// POST with If-Match and an optional Idempotency-Key, audited with actor and reason.
/// </summary>
public static class ApplicationEndpoints
{
    public static RouteGroupBuilder MapApplications(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/applications").WithTags("Applications");
        group.MapPost("/", SubmitApplication).RequireAuthorization(Scopes.CasesWrite).AcceptIdempotencyKey()
            .WithSummary("Submits an application for a registered household (R-20); flags registered close relatives (R-21).");
        group.MapGet("/", ListApplications).RequireAuthorization(Scopes.CasesRead)
            .WithSummary("Lists applications in a region subtree; overdue=true lists cases with a statutory step past due (R-50), flagged=true conflict-of-interest cases (R-21).");
        group.MapGet("/{id:guid}", GetApplication).RequireAuthorization(Scopes.CasesRead)
            .WithSummary("Gets an application with its record, deadlines (due date and whether met) and history.");
        group.MapPost("/{id:guid}/accept", AcceptApplication).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Accepts the application (受理).");
        group.MapPost("/{id:guid}/verification-request", RequestVerification).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Requests the county's economic-status check (家庭经济状况核对, 逢进必核).");
        group.MapPost("/{id:guid}/verification-results", RecordVerificationResult).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Records one source's check result: pass, or discrepancy with details.");
        group.MapPost("/{id:guid}/home-surveys", RecordHomeSurvey).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Records the home survey (入户调查) by at least two investigators.");
        group.MapPost("/{id:guid}/public-notice", OpenPublicNotice).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Opens the 7-calendar-day public notice (公示).");
        group.MapPost("/{id:guid}/objections", RecordObjection).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Records an objection during the notice: reopen the survey, or a democratic evaluation (民主评议) with its outcome.");
        group.MapPost("/{id:guid}/public-notice/close", ClosePublicNotice).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Closes the notice after its 7 days and sends the file to the county (the decision limit starts).");
        group.MapPost("/{id:guid}/county-home-visits", RecordCountyHomeVisit).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Records a county home visit (conflict of interest, R-21; tekun random check).");
        group.MapPost("/{id:guid}/extension", ExtendApplication).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Extends a dibao case's whole process from 30 to 45 working days, with a reason.");
        group.MapPost("/{id:guid}/decision", DecideApplication).RequireAuthorization(Scopes.CasesApprove).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("The county's decision: approve (engine assessment stored, enrolment created) or reject with written reasons.");
        group.MapPost("/{id:guid}/refusal-notice", IssueRefusalNotice).RequireAuthorization(Scopes.CasesWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Records the written refusal notice issued to the applicant.");
        group.MapPost("/random-checks", SelectRandomChecks).RequireAuthorization(Scopes.CasesApprove).AcceptIdempotencyKey()
            .WithSummary("Draws the county's ≥ 30 % random home checks among tekun cases awaiting its decision (N-43).");
        return group;
    }

    /// <param name="body">Household, programme, channel, applicant member and the signed-commitment flag.</param>
    /// <param name="http">HTTP context (for the ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<ApplicationDto>> SubmitApplication(SubmitApplicationRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        var dto = await sender.Send(
            new SubmitApplicationCommand(body.HouseholdId, body.Programme, body.Channel, body.ApplicantMemberId, body.SignedCommitment, body.RegionCode,
                body.ResidencePermit, body.Reason),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/applications/{dto.Id}", dto);
    }

    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="status">Only applications in this status.</param>
    /// <param name="programme">Only this programme.</param>
    /// <param name="overdue">true: only cases with a statutory step open past its due date.</param>
    /// <param name="flagged">true: only conflict-of-interest cases; false: only unflagged ones.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<ApplicationSummaryDto>>> ListApplications(
        [StringLength(12, MinimumLength = 6)] string? regionCode, ApplicationStatus? status, Programme? programme, bool? overdue, bool? flagged,
        [Range(1, 200)] int? limit, [StringLength(500)] string? cursor, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListApplicationsQuery(regionCode, status, programme, overdue, flagged, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Application id.</param>
    /// <param name="http">HTTP context (for the ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<ApplicationDto>> GetApplication(Guid id, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        WithETag(http, await sender.Send(new GetApplicationQuery(id), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Application id.</param>
    /// <param name="body">Why (audited).</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static Task<Ok<ApplicationDto>> AcceptApplication(Guid id, ReasonRequest? body, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        Run(http, sender, new AcceptApplicationCommand(id, Preconditions.IfMatchVersion(http), body?.Reason), cancellationToken);

    /// <param name="id">Application id.</param>
    /// <param name="body">Why (audited).</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static Task<Ok<ApplicationDto>> RequestVerification(Guid id, ReasonRequest? body, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        Run(http, sender, new RequestVerificationCommand(id, Preconditions.IfMatchVersion(http), body?.Reason), cancellationToken);

    /// <param name="id">Application id.</param>
    /// <param name="body">Source (Bank, RealEstate, Vehicles, BusinessRegistration, SocialInsurance), outcome and details.</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static Task<Ok<ApplicationDto>> RecordVerificationResult(
        Guid id, VerificationResultRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Run(http, sender, new RecordVerificationResultCommand(id, Preconditions.IfMatchVersion(http), body.Source, body.Outcome, body.Details, body.Reason), cancellationToken);
    }

    /// <param name="id">Application id.</param>
    /// <param name="body">Investigators (at least two) and findings.</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static Task<Ok<ApplicationDto>> RecordHomeSurvey(Guid id, SurveyRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Run(http, sender, new RecordHomeSurveyCommand(id, Preconditions.IfMatchVersion(http), Names(body.Investigators), body.Findings ?? string.Empty, body.Reason), cancellationToken);
    }

    /// <param name="id">Application id.</param>
    /// <param name="body">Why (audited).</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static Task<Ok<ApplicationDto>> OpenPublicNotice(Guid id, ReasonRequest? body, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        Run(http, sender, new OpenPublicNoticeCommand(id, Preconditions.IfMatchVersion(http), body?.Reason), cancellationToken);

    /// <param name="id">Application id.</param>
    /// <param name="body">The objection, how it is resolved, and the evaluation outcome for a democratic evaluation.</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static Task<Ok<ApplicationDto>> RecordObjection(Guid id, ObjectionRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Run(http, sender, new RecordObjectionCommand(id, Preconditions.IfMatchVersion(http), body.Details ?? string.Empty, body.Resolution, body.EvaluationOutcome, body.Reason), cancellationToken);
    }

    /// <param name="id">Application id.</param>
    /// <param name="body">Why (audited).</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static Task<Ok<ApplicationDto>> ClosePublicNotice(Guid id, ReasonRequest? body, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        Run(http, sender, new ClosePublicNoticeCommand(id, Preconditions.IfMatchVersion(http), body?.Reason), cancellationToken);

    /// <param name="id">Application id.</param>
    /// <param name="body">Purpose (ConflictOfInterest or RandomCheck), investigators (at least two) and findings.</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static Task<Ok<ApplicationDto>> RecordCountyHomeVisit(Guid id, CountyVisitRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Run(http, sender, new RecordCountyHomeVisitCommand(id, Preconditions.IfMatchVersion(http), body.Purpose, Names(body.Investigators), body.Findings ?? string.Empty, body.Reason), cancellationToken);
    }

    /// <param name="id">Application id.</param>
    /// <param name="body">Why the process needs 45 working days (required).</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static Task<Ok<ApplicationDto>> ExtendApplication(Guid id, ReasonRequest? body, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        Run(http, sender, new ExtendApplicationCommand(id, Preconditions.IfMatchVersion(http), body?.Reason ?? string.Empty), cancellationToken);

    /// <param name="id">Application id.</param>
    /// <param name="body">Approve or Reject; written reasons (required to reject); care setting for a tekun approval.</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static Task<Ok<ApplicationDto>> DecideApplication(Guid id, DecisionRequest body, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Run(http, sender, new DecideApplicationCommand(id, Preconditions.IfMatchVersion(http), body.Decision, body.Reasons, body.CareSetting), cancellationToken);
    }

    /// <param name="id">Application id.</param>
    /// <param name="body">How the notice was issued (audited).</param>
    /// <param name="http">HTTP context (If-Match, ETag).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static Task<Ok<ApplicationDto>> IssueRefusalNotice(Guid id, ReasonRequest? body, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        Run(http, sender, new IssueRefusalNoticeCommand(id, Preconditions.IfMatchVersion(http), body?.Reason), cancellationToken);

    /// <param name="body">The county (6-digit code) and why.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<RandomCheckSelectionDto>> SelectRandomChecks(RandomCheckRequest body, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TypedResults.Ok(await sender.Send(new SelectRandomChecksCommand(body.RegionCode ?? string.Empty, body.Reason), cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Ok<ApplicationDto>> Run(HttpContext http, ISender sender, ICommand<ApplicationDto> command, CancellationToken cancellationToken) =>
        WithETag(http, await sender.Send(command, cancellationToken).ConfigureAwait(false));

    private static List<string> Names(IReadOnlyList<InvestigatorDto>? investigators) =>
        (investigators ?? []).Select(i => i?.Name ?? string.Empty).ToList();

    private static Ok<ApplicationDto> WithETag(HttpContext http, ApplicationDto dto)
    {
        return TypedResults.Ok(dto);
    }
}

/// <summary>A new application .</summary>
/// <param name="HouseholdId">The registered household.</param>
/// <param name="Programme">Dibao, Tekun, DibaoMarginal or ExpenditureHardship.</param>
/// <param name="Channel">Window, Online, ActiveDiscovery or PartnerReferral.</param>
/// <param name="ApplicantMemberId">The member who applies for the household.</param>
/// <param name="SignedCommitment">告知承诺 signed (replaces certificates).</param>
/// <param name="RegionCode">Where the application is filed; defaults to the household's region.</param>
/// <param name="ResidencePermit">The applicant holds a residence permit (居住证) in that region.</param>
/// <param name="Reason">Note for the audit trail.</param>
public sealed record SubmitApplicationRequest(
    Guid HouseholdId, Programme Programme, ApplicationChannel Channel, Guid ApplicantMemberId, bool SignedCommitment,
    [property: MaxLength(12)] string? RegionCode = null, bool ResidencePermit = false, [property: MaxLength(ReasonRules.MaxLength)] string? Reason = null);

/// <summary>A transition's reason, recorded with the actor in the history and audit trail.</summary>
/// <param name="Reason">Why.</param>
public sealed record ReasonRequest([property: MaxLength(ReasonRules.MaxLength)] string? Reason = null);

/// <summary>One source's check result.</summary>
/// <param name="Source">Bank, RealEstate, Vehicles, BusinessRegistration or SocialInsurance.</param>
/// <param name="Outcome">Pass or Discrepancy.</param>
/// <param name="Details">What differs (required for a discrepancy).</param>
/// <param name="Reason">Note for the audit trail.</param>
public sealed record VerificationResultRequest(
    VerificationSource Source, VerificationOutcome Outcome, [property: MaxLength(4000)] string? Details = null, [property: MaxLength(ReasonRules.MaxLength)] string? Reason = null);

/// <summary>A home survey.</summary>
/// <param name="Investigators">Names of the investigators (at least two).</param>
/// <param name="Findings">What the survey found.</param>
/// <param name="Reason">Note for the audit trail.</param>
public sealed record SurveyRequest(
    [property: Required, MaxLength(20)] IReadOnlyList<InvestigatorDto>? Investigators, [property: Required, MaxLength(8000)] string? Findings, [property: MaxLength(ReasonRules.MaxLength)] string? Reason = null);

/// <summary>An objection during the public notice.</summary>
/// <param name="Details">The objection.</param>
/// <param name="Resolution">ReopenSurvey or DemocraticEvaluation.</param>
/// <param name="EvaluationOutcome">Outcome of the democratic evaluation (required for DemocraticEvaluation).</param>
/// <param name="Reason">Note for the audit trail.</param>
public sealed record ObjectionRequest(
    [property: Required, MaxLength(8000)] string? Details, ObjectionResolution Resolution, [property: MaxLength(4000)] string? EvaluationOutcome = null,
    [property: MaxLength(ReasonRules.MaxLength)] string? Reason = null);

/// <summary>A county home visit.</summary>
/// <param name="Purpose">ConflictOfInterest or RandomCheck.</param>
/// <param name="Investigators">Names of the county staff (at least two).</param>
/// <param name="Findings">What the visit found.</param>
/// <param name="Reason">Note for the audit trail.</param>
public sealed record CountyVisitRequest(
    CountyVisitPurpose Purpose, [property: Required, MaxLength(20)] IReadOnlyList<InvestigatorDto>? Investigators, [property: Required, MaxLength(8000)] string? Findings,
    [property: MaxLength(ReasonRules.MaxLength)] string? Reason = null);

/// <summary>The county's decision.</summary>
/// <param name="Decision">Approve or Reject.</param>
/// <param name="Reasons">Written reasons (required to reject).</param>
/// <param name="CareSetting">Centralized or Decentralized, required to approve a tekun application.</param>
public sealed record DecisionRequest(DecisionKind Decision, [property: MaxLength(8000)] string? Reasons = null, CareSetting? CareSetting = null);

/// <summary>A county's random-check draw.</summary>
/// <param name="RegionCode">The county (6 digits).</param>
/// <param name="Reason">Note for the audit trail.</param>
public sealed record RandomCheckRequest([property: MaxLength(12)] string? RegionCode, [property: MaxLength(ReasonRules.MaxLength)] string? Reason = null);
