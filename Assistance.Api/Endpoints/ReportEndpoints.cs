namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Reports;
using Assistance.Application.Reports.GetMonthlyReport;
using Assistance.Application.Reports.MedicalInsuranceChanges;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>/api/v1/reports: the monthly report as JSON and CSV, and the medical-insurance changes for partner agencies .</summary>
public static class ReportEndpoints
{
    public const string CsvHeader =
        "regionCode,parentCode,programme,households,persons,monthlyAmountsInForce,newEnrolments,endedEnrolments,"
        + "casesOpened,casesPaid,amountPaid,firstAidPayments,priceSubsidies,reviewsDue,reviewsDoneOnTime,rollNetAmount,amountsPaid,priceSubsidyLines";

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/monthly", GetMonthlyReport).RequireAuthorization(Scopes.CasesRead)
            .WithSummary("The monthly report of a region subtree: per region and programme, households, persons, amounts in force, new and ended enrolments, roll amounts generated and paid, price subsidies, reviews due and on time, temporary assistance.");
        group.MapGet("/monthly.csv", GetMonthlyReportCsv).RequireAuthorization(Scopes.CasesRead)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The same monthly report as CSV (UTF-8, header row, one row per region and programme plus one temporary-assistance row per region).");
        group.MapGet("/medical-insurance-changes", MedicalInsuranceChanges).RequireAuthorization(Scopes.ReportsRead)
            .WithSummary("Persons who became or stopped being beneficiaries in a month, with programme and dates (R-37), for the medical-insurance bureau.");
        return group;
    }

    /// <param name="month">The month, YYYY-MM.</param>
    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<MonthlyReportDto>> GetMonthlyReport(
        [Required, StringLength(7, MinimumLength = 7)] string month, [StringLength(12, MinimumLength = 6)] string? regionCode, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetMonthlyReportQuery(regionCode, month), cancellationToken).ConfigureAwait(false));

    /// <param name="month">The month, YYYY-MM.</param>
    /// <param name="regionCode">Region subtree (defaults to the caller's region).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<IResult> GetMonthlyReportCsv(
        [Required, StringLength(7, MinimumLength = 7)] string month, [StringLength(12, MinimumLength = 6)] string? regionCode, ISender sender,
        CancellationToken cancellationToken)
    {
        var report = await sender.Send(new GetMonthlyReportQuery(regionCode, month), cancellationToken).ConfigureAwait(false);
        return Results.Text(ToCsv(report), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>
    /// Codes, enum names and numbers only: no field needs quoting. Cells that do not apply to a row (temporary-assistance
    /// columns on programme rows and the reverse) are empty. amountPaid is temporary assistance; amountsPaid is the rolls'.
    /// </summary>
    public static string ToCsv(MonthlyReportDto report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (var region in report.Regions)
        {
            foreach (var p in region.Programmes)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{region.RegionCode},{region.ParentCode},{p.Programme},{p.Households},{p.Persons},{Yuan(p.MonthlyAmountsInForce)},")
                    .Append(CultureInfo.InvariantCulture, $"{p.NewEnrolments},{p.EndedEnrolments},,,,,{Yuan(p.PriceSubsidies)},{p.ReviewsDue},{p.ReviewsDoneOnTime},")
                    .Append(CultureInfo.InvariantCulture, $"{Yuan(p.RollNetAmount)},{Yuan(p.AmountsPaid)},{p.PriceSubsidyLines}\n");
            }

            var t = region.TemporaryAssistance;
            csv.Append(CultureInfo.InvariantCulture, $"{region.RegionCode},{region.ParentCode},TemporaryAssistance,,,,,,{t.CasesOpened},{t.CasesPaid},{Yuan(t.AmountPaid)},{t.FirstAidPayments},,,,,,\n");
        }

        return csv.ToString();
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

    private static string Yuan(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
