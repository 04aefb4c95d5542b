namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Households;
using Assistance.Application.Households.AddHouseholdMember;
using Assistance.Application.Households.CreateHousehold;
using Assistance.Application.Households.GetHousehold;
using Assistance.Application.Households.ListHouseholds;
using Assistance.Application.Households.LookupHousehold;
using Assistance.Application.Households.RemoveHouseholdMember;
using Assistance.Application.Households.ReplaceHousehold;
using Assistance.Application.Households.UpdateHouseholdMember;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>
/// /api/v1/households: the household register (家庭, 家庭成员). ID numbers are masked in responses unless the caller
/// holds pii.read, and never travel in URLs (lookup by ID number is a POST).
/// </summary>
public static class HouseholdEndpoints
{
    public static RouteGroupBuilder MapHouseholds(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/households").WithTags("Households");
        group.MapPost("/", CreateHousehold).RequireAuthorization(Scopes.RegistryWrite).AcceptIdempotencyKey()
            .WithSummary("Registers a household with its members.");
        group.MapGet("/", ListHouseholds).RequireAuthorization(Scopes.RegistryRead)
            .WithSummary("Lists the households in a region subtree (default: the caller's region), by id.");
        group.MapGet("/{id:guid}", GetHousehold).RequireAuthorization(Scopes.RegistryRead)
            .WithSummary("Gets one household; the ETag header carries its version.");
        group.MapPut("/{id:guid}", ReplaceHousehold).RequireAuthorization(Scopes.RegistryWrite).RequireIfMatch()
            .WithSummary("Replaces a household with the representation GET returns (members matched by id).");
        group.MapPost("/lookup", LookupHousehold).RequireAuthorization(Scopes.RegistryRead)
            .WithSummary("Finds the household holding a person by ID number (sent in the body, never in a URL).");
        group.MapPost("/{id:guid}/members", AddHouseholdMember).RequireAuthorization(Scopes.RegistryWrite).RequireIfMatch().AcceptIdempotencyKey()
            .WithSummary("Adds a member; returns the whole household (the new member last) with its new ETag.");
        group.MapPut("/{id:guid}/members/{memberId:guid}", UpdateHouseholdMember).RequireAuthorization(Scopes.RegistryWrite).RequireIfMatch()
            .WithSummary("Updates a member; returns the whole household with its new ETag.");
        group.MapDelete("/{id:guid}/members/{memberId:guid}", RemoveHouseholdMember).RequireAuthorization(Scopes.RegistryWrite).RequireIfMatch()
            .WithSummary("Removes a member; returns the whole household with its new ETag.");
        return group;
    }

    /// <param name="household">The household to register.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="httpContext">The request (response ETag).</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<HouseholdDto>> CreateHousehold(
        HouseholdInput household, ISender sender, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var created = await sender.Send(CreateHouseholdCommand.From(household), cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/households/{created.Id}", created);
    }

    /// <param name="regionCode">Region subtree to list (defaults to the caller's region).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page (only valid with the same regionCode).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<HouseholdDto>>> ListHouseholds(
        [StringLength(12, MinimumLength = 6)] string? regionCode,
        [Range(1, 200)] int? limit,
        [StringLength(500)] string? cursor,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListHouseholdsQuery(regionCode, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Household id.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="httpContext">The request (response ETag).</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<HouseholdDto>> GetHousehold(Guid id, ISender sender, HttpContext httpContext, CancellationToken cancellationToken) =>
        WithETag(httpContext, await sender.Send(new GetHouseholdQuery(id), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Household id.</param>
    /// <param name="household">The household as GET returns it, changed; id, version, createdAt and updatedAt are ignored.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="httpContext">The request (If-Match, response ETag).</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<HouseholdDto>> ReplaceHousehold(
        Guid id, HouseholdInput household, ISender sender, HttpContext httpContext, CancellationToken cancellationToken) =>
        WithETag(httpContext, await sender.Send(
            ReplaceHouseholdCommand.From(id, Preconditions.IfMatchVersion(httpContext), household), cancellationToken).ConfigureAwait(false));

    /// <param name="lookup">The ID number to look up.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="httpContext">The request (response ETag).</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<HouseholdDto>> LookupHousehold(
        LookupHouseholdQuery lookup, ISender sender, HttpContext httpContext, CancellationToken cancellationToken) =>
        WithETag(httpContext, await sender.Send(lookup, cancellationToken).ConfigureAwait(false));

    /// <param name="id">Household id.</param>
    /// <param name="member">The new member.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="httpContext">The request (If-Match, response ETag).</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<HouseholdDto>> AddHouseholdMember(
        Guid id, HouseholdMemberInput member, ISender sender, HttpContext httpContext, CancellationToken cancellationToken) =>
        WithETag(httpContext, await sender.Send(
            new AddHouseholdMemberCommand(id, Preconditions.IfMatchVersion(httpContext), member), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Household id.</param>
    /// <param name="memberId">Member id.</param>
    /// <param name="member">The member's new state; a masked or omitted idNumber keeps the stored one.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="httpContext">The request (If-Match, response ETag).</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<HouseholdDto>> UpdateHouseholdMember(
        Guid id, Guid memberId, HouseholdMemberInput member, ISender sender, HttpContext httpContext, CancellationToken cancellationToken) =>
        WithETag(httpContext, await sender.Send(
            new UpdateHouseholdMemberCommand(id, memberId, Preconditions.IfMatchVersion(httpContext), member), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Household id.</param>
    /// <param name="memberId">Member id.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="httpContext">The request (If-Match, response ETag).</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<HouseholdDto>> RemoveHouseholdMember(
        Guid id, Guid memberId, ISender sender, HttpContext httpContext, CancellationToken cancellationToken) =>
        WithETag(httpContext, await sender.Send(
            new RemoveHouseholdMemberCommand(id, memberId, Preconditions.IfMatchVersion(httpContext)), cancellationToken).ConfigureAwait(false));

    private static Ok<HouseholdDto> WithETag(HttpContext httpContext, HouseholdDto household)
    {
        return TypedResults.Ok(household);
    }
}
