namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Reports;
using Assistance.Application.Reports.MedicalInsuranceChanges;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>/api/v1/reports: reports to partner agencies .</summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/medical-insurance-changes", MedicalInsuranceChanges).RequireAuthorization(Scopes.ReportsRead)
            .WithSummary("Persons who became or stopped being beneficiaries in a month, with programme and dates (R-37), for the medical-insurance bureau.");
        return group;
    }

    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="month">The month, YYYY-MM.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<MedicalInsuranceChangesReport>> MedicalInsuranceChanges(
        [StringLength(12, MinimumLength = 6)] string? regionCode, [StringLength(7, MinimumLength = 7)] string? month, [Range(1, 200)] int? limit,
        [StringLength(500)] string? cursor, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new MedicalInsuranceChangesQuery(regionCode, month, limit, cursor), cancellationToken).ConfigureAwait(false));
}
