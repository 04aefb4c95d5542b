namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.PriceIndices;
using Assistance.Application.PriceIndices.GetPriceSubsidyReport;
using Assistance.Application.PriceIndices.ListPriceIndices;
using Assistance.Application.PriceIndices.RecordPriceIndex;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>/api/v1/price-indices and the price subsidy report (价格临时补贴, R-41).</summary>
public static class PriceIndexEndpoints
{
    public static RouteGroupBuilder MapPriceIndices(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/price-indices").WithTags("Price subsidies");
        group.MapPost("/", RecordPriceIndex).RequireAuthorization(Scopes.PolicyAdmin).AcceptIdempotencyKey()
            .WithSummary("Records the CPI and food CPI year-on-year of an index month, with its publication date.");
        group.MapGet("/", ListPriceIndices).RequireAuthorization(Scopes.PolicyRead)
            .WithSummary("Lists the price indices of a region, its subtree and its ancestors, newest month first.");
        api.MapGet("/price-subsidies/report", GetPriceSubsidyReport).WithTags("Price subsidies").RequireAuthorization(Scopes.PaymentsRead)
            .WithSummary("Whether the price subsidy published in a month was paid by its deadline in a county.");
        return group;
    }

    /// <param name="body">The published index.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<PriceIndexDto>> RecordPriceIndex(PriceIndexRequest body, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var index = await sender.Send(
            new RecordPriceIndexCommand(body.RegionCode, body.IndexMonth, body.CpiPercent, body.FoodCpiPercent, body.PublishedOn, body.Source), cancellationToken)
            .ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/price-indices?regionCode={index.RegionCode}", index);
    }

    /// <param name="regionCode">Region (defaults to the caller's region).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<PriceIndexDto>>> ListPriceIndices(
        [StringLength(12, MinimumLength = 6)] string? regionCode, [Range(1, 200)] int? limit, [StringLength(500)] string? cursor, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListPriceIndicesQuery(regionCode, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="regionCode">County code.</param>
    /// <param name="month">Publication month, yyyy-MM.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<PriceSubsidyReportDto>> GetPriceSubsidyReport(
        [Required, StringLength(12, MinimumLength = 6)] string? regionCode, [Required, StringLength(7, MinimumLength = 7)] string? month, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPriceSubsidyReportQuery(regionCode, month), cancellationToken).ConfigureAwait(false));
}

/// <summary>A published price index .</summary>
/// <param name="RegionCode">Region published for.</param>
/// <param name="IndexMonth">Month measured, yyyy-MM.</param>
/// <param name="CpiPercent">CPI year-on-year, percent (two decimals at most).</param>
/// <param name="FoodCpiPercent">Food CPI year-on-year, percent (two decimals at most).</param>
/// <param name="PublishedOn">Publication date; the subsidy is paid in the roll of this month.</param>
/// <param name="Source">The publication (statistics bureau release).</param>
public sealed record PriceIndexRequest(
    [property: Required, MaxLength(12)] string? RegionCode,
    [property: Required, MaxLength(7)] string? IndexMonth,
    [property: Range(-100, 100)] decimal CpiPercent,
    [property: Range(-100, 100)] decimal FoodCpiPercent,
    DateOnly PublishedOn,
    [property: Required, MaxLength(500)] string? Source);
