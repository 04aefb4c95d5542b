namespace Assistance.Api.Endpoints;

using Assistance.Application.Abstractions;
using Assistance.Application.Regions;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Assistance.Application.Regions.GetRegion;
using Assistance.Application.Regions.ListRegions;

/// <summary>/api/v1/regions: the administrative divisions (行政区划) the register knows.</summary>
public static class RegionEndpoints
{
    public static RouteGroupBuilder MapRegions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/regions").WithTags("Regions");
        group.MapGet("/", ListRegions).WithSummary("Lists the child regions of a region (the national level when no parent is given).");
        group.MapGet("/{code}", GetRegion).WithSummary("Gets one region by its code.");
        return group;
    }

    /// <param name="parentCode">Parent region code (6, 9 or 12 digits); omit for the national level.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<RegionList>> ListRegions([StringLength(12, MinimumLength = 6)] string? parentCode, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RegionList(await sender.Send(new ListRegionsQuery(parentCode), cancellationToken).ConfigureAwait(false)));

    /// <param name="code">Region code (6, 9 or 12 digits).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<RegionDto>> GetRegion([StringLength(12, MinimumLength = 6)] string code, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetRegionQuery(code), cancellationToken).ConfigureAwait(false));
}

/// <summary>Child regions.</summary>
/// <param name="Items">The regions, ordered by code.</param>
public sealed record RegionList([property: System.ComponentModel.DataAnnotations.MaxLength(5000)] IReadOnlyList<RegionDto> Items);
