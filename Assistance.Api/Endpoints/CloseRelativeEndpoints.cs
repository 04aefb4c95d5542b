namespace Assistance.Api.Endpoints;

using StaffRole = Assistance.Domain.Applications.StaffRole;
using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.CloseRelatives;
using Microsoft.AspNetCore.Http.HttpResults;
using Assistance.Application.CloseRelatives.ListCloseRelatives;
using Assistance.Application.CloseRelatives.RegisterCloseRelative;
using Assistance.Application.Common;

/// <summary>/api/v1/close-relatives: the register of staff and village cadres' close relatives (近亲属备案, R-21).</summary>
public static class CloseRelativeEndpoints
{
    public static RouteGroupBuilder MapCloseRelatives(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/close-relatives").WithTags("CloseRelatives");
        group.MapPost("/", RegisterCloseRelative).RequireAuthorization(Scopes.CasesWrite).AcceptIdempotencyKey()
            .WithSummary("Registers a close relative of a caseworker or village cadre; their applications are flagged (R-21).");
        group.MapGet("/", ListCloseRelatives).RequireAuthorization(Scopes.CasesRead).WithSummary("Lists the register in a region subtree.");
        return group;
    }

    /// <param name="body">Region, staff member and role, the relative's name, ID number and relationship.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<CloseRelativeDto>> RegisterCloseRelative(CloseRelativeRequest body, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var dto = await sender.Send(
            new RegisterCloseRelativeCommand(body.RegionCode ?? string.Empty, body.StaffName ?? string.Empty, body.StaffRole, body.RelativeName ?? string.Empty,
                body.RelativeIdNumber ?? string.Empty, body.Relationship ?? string.Empty, body.Reason),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/close-relatives/{dto.Id}", dto);
    }

    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<CloseRelativeList>> ListCloseRelatives([StringLength(12, MinimumLength = 6)] string? regionCode, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CloseRelativeList(await sender.Send(new ListCloseRelativesQuery(regionCode), cancellationToken).ConfigureAwait(false)));
}

/// <summary>A close relative to register.</summary>
/// <param name="RegionCode">The region where the staff member works.</param>
/// <param name="StaffName">The caseworker or cadre.</param>
/// <param name="StaffRole">Caseworker or VillageCadre.</param>
/// <param name="RelativeName">The relative's name.</param>
/// <param name="RelativeIdNumber">The relative's ID number (personal data: in the body, never the URL).</param>
/// <param name="Relationship">e.g. Spouse, Child, Parent, Sibling.</param>
/// <param name="Reason">Note for the audit trail.</param>
public sealed record CloseRelativeRequest(
    [property: MaxLength(12)] string? RegionCode, [property: Required, MaxLength(100)] string? StaffName, StaffRole StaffRole, [property: Required, MaxLength(100)] string? RelativeName,
    [property: Required, MaxLength(18)] string? RelativeIdNumber, [property: Required, MaxLength(50)] string? Relationship, [property: MaxLength(ReasonRules.MaxLength)] string? Reason = null);

/// <summary>The close-relative register of a region subtree.</summary>
/// <param name="Items">Registered close relatives.</param>
public sealed record CloseRelativeList([property: MaxLength(10000)] IReadOnlyList<CloseRelativeDto> Items);
