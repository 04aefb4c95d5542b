namespace Assistance.Api.Endpoints;

using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Assessments;
using Assistance.Application.Assessments.AssessHousehold;
using Assistance.Application.Assessments.AssessStoredHousehold;
using Assistance.Application.Behaviours;
using Microsoft.AspNetCore.Http.HttpResults;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

/// <summary>/api/v1/assessments: the eligibility engine (domain.md §3) with its trace. Nothing is stored.</summary>
public static class AssessmentEndpoints
{
    public static RouteGroupBuilder MapAssessments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Assessments");
        group.MapPost("/assessments", AssessHousehold).RequireAuthorization(Scopes.PolicyRead).Accepts<AssessmentRequest>("application/json")
            .WithSummary("Assesses a household snapshot on a date in a region, with optional what-if parameter overrides.");
        group.MapPost("/households/{id:guid}/assessments", AssessStoredHousehold)
            .RequireAuthorization(Scopes.PolicyRead).RequireAuthorization(Scopes.RegistryRead)
            .WithSummary("Assesses a stored household on the date in the body.");
        return group;
    }

    /// <param name="request">The household snapshot, read from the buffered body in one pass (<see cref="AssessmentRequestBody"/>).</param>
    /// <param name="direct">The query without the mediator pipeline (issue 14: the hottest read-only path; same validation, span and errors).</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    /// <param name="trace">How much trace to return: `full` (default: every rule with its detail and the parameters it read), `summary` (every rule and its detail, no parameters) or `none` (an empty trace; the engine skips building it).</param>
    public static async Task<AssessmentResponseResult> AssessHousehold(
        AssessmentRequestBody request, [FromServices] QueryDirectPath<AssessHouseholdQuery, AssessmentResponse> direct, CancellationToken cancellationToken,
        [FromQuery(Name = "trace"), MaxLength(7), RegularExpression("^(none|summary|full)$")] string? trace = null) =>
        new(await direct.SendAsync(new AssessHouseholdQuery(request.Value, trace), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Household id.</param>
    /// <param name="request">Date and optional overrides.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<AssessmentResponseResult> AssessStoredHousehold(
        Guid id, StoredHouseholdAssessmentRequest request, ISender sender, CancellationToken cancellationToken) =>
        new(await sender.Send(new AssessStoredHouseholdQuery(id, request), cancellationToken).ConfigureAwait(false));
}
