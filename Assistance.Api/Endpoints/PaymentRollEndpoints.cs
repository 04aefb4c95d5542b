namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Assistance.Api.Background;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.PaymentRolls;
using Assistance.Application.PaymentRolls.ExportPaymentRoll;
using Assistance.Application.PaymentRolls.GeneratePaymentRoll;
using Assistance.Application.PaymentRolls.GetPaymentLineBasis;
using Assistance.Application.PaymentRolls.GetPaymentRoll;
using Assistance.Application.PaymentRolls.GetPaymentRollOperation;
using Assistance.Application.PaymentRolls.ListPaymentRollLines;
using Assistance.Application.PaymentRolls.RecordBankReturn;
using Assistance.Application.PaymentRolls.RegeneratePaymentRoll;
using Assistance.Domain.Applications;
using Assistance.Domain.Households;
using Assistance.Domain.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>/api/v1/payment-rolls: monthly payment rolls (发放名册, R-40) with price subsidies, bank export and returns.</summary>
public static class PaymentRollEndpoints
{
    public const string OperationLocationHeader = "Operation-Location";

    public static RouteGroupBuilder MapPaymentRolls(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/payment-rolls").WithTags("Payment rolls");
        group.MapPost("/", GeneratePaymentRoll).RequireAuthorization(Scopes.PaymentsWrite).AcceptIdempotencyKey()
            .WithSummary("Generates the roll of a county, month and programme once (201), returns the existing one (200), or queues a large one (202 + Operation-Location).");
        group.MapGet("/{id:guid}", GetPaymentRoll).RequireAuthorization(Scopes.PaymentsRead)
            .WithSummary("Gets a roll version with its control totals.");
        group.MapPost("/{id:guid}/regenerations", RegeneratePaymentRoll).RequireAuthorization(Scopes.PaymentsWrite).AcceptIdempotencyKey()
            .WithSummary("Regenerates a roll: a new version supersedes the current one; both stay readable (audited).");
        group.MapGet("/{id:guid}/lines", ListPaymentRollLines).RequireAuthorization(Scopes.PaymentsRead)
            .WithSummary("Lists a roll's lines, by id, filterable by status and kind.");
        group.MapGet("/{id:guid}/lines/{lineId:guid}/basis", GetPaymentLineBasis).RequireAuthorization(Scopes.PaymentsRead)
            .WithSummary("Shows where a line's amount came from: the enrolment, the decision and the rule trace.");
        group.MapGet("/{id:guid}/export.csv", ExportPaymentRoll).RequireAuthorization(Scopes.PaymentsRead)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The roll as a CSV file for the bank (UTF-8, header row), streamed.");
        group.MapPost("/{id:guid}/bank-returns", RecordBankReturn).RequireAuthorization(Scopes.PaymentsWrite).AcceptIdempotencyKey()
            .WithSummary("Records the bank's return file: lines Paid or Failed.");

        var operations = api.MapGroup("/payment-roll-operations").WithTags("Payment rolls");
        operations.MapGet("/{id:guid}", GetPaymentRollOperation).RequireAuthorization(Scopes.PaymentsRead)
            .WithSummary("Gets a queued roll generation: Queued, Running, Succeeded (with the roll) or Failed.");
        return group;
    }

    /// <param name="body">County, month and programme.</param>
    /// <param name="http">HTTP context (Operation-Location).</param>
    /// <param name="runner">The background runner of long generations.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Results<Created<PaymentRollDto>, Ok<PaymentRollDto>, Accepted<PaymentRollOperationDto>>> GeneratePaymentRoll(
        GeneratePaymentRollRequest body, HttpContext http, PaymentRollOperationRunner runner, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(runner);
        var result = await sender.Send(new GeneratePaymentRollCommand(body.RegionCode, body.Month, body.Programme), cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case PaymentRollGenerationDto.Accepted:
                var operation = result.Operation!;
                var user = http.RequestServices.GetRequiredService<ICurrentUser>();

                // Enqueued after the commit (the operation row exists); a replay enqueues again and the runner's claim makes it a no-op.
                runner.Enqueue(new QueuedRollOperation(operation.Id, user.Subject, user.Region.Value));
                var location = $"/api/v1/payment-roll-operations/{operation.Id}";
                http.Response.Headers[OperationLocationHeader] = location;
                return TypedResults.Accepted(location, operation);
            case PaymentRollGenerationDto.Existing:
                http.Response.Headers.Location = $"/api/v1/payment-rolls/{result.Roll!.Id}";
                return TypedResults.Ok(result.Roll);
            default:
                return TypedResults.Created($"/api/v1/payment-rolls/{result.Roll!.Id}", result.Roll);
        }
    }

    /// <param name="id">Roll version id.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<PaymentRollDto>> GetPaymentRoll(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPaymentRollQuery(id), cancellationToken).ConfigureAwait(false));

    /// <param name="id">The current roll version.</param>
    /// <param name="body">Why the roll is regenerated (audited).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<PaymentRollDto>> RegeneratePaymentRoll(Guid id, RegeneratePaymentRollRequest body, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var roll = await sender.Send(new RegeneratePaymentRollCommand(id, body.Reason), cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/payment-rolls/{roll.Id}", roll);
    }

    /// <param name="id">Roll version id.</param>
    /// <param name="status">Only lines with this status.</param>
    /// <param name="kind">Only lines of this kind.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<Page<PaymentRollLineDto>>> ListPaymentRollLines(
        Guid id, PaymentLineStatus? status, PaymentLineKind? kind, [Range(1, 200)] int? limit, [StringLength(500)] string? cursor, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListPaymentRollLinesQuery(id, status, kind, limit, cursor), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Roll version id.</param>
    /// <param name="lineId">Line id.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<PaymentLineBasisDto>> GetPaymentLineBasis(Guid id, Guid lineId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPaymentLineBasisQuery(id, lineId), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Roll version id.</param>
    /// <param name="http">HTTP context (the response is written row by row).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task ExportPaymentRoll(Guid id, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var export = await sender.Send(new ExportPaymentRollQuery(id), cancellationToken).ConfigureAwait(false);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"payment-roll-{export.Roll.RegionCode}-{export.Roll.Month}-{export.Roll.Programme}-v{export.Roll.Version}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync("lineId,kind,period,enrolmentId,householdId,payeeName,payeeIdNumber,amount,reissueOf,status,deduction,netAmount\n").ConfigureAwait(false);
        var rows = 0;
        await foreach (var row in export.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var idNumber = row.PayeeIdNumber is null ? string.Empty : export.ShowIdNumbers ? row.PayeeIdNumber : NationalId.Mask(row.PayeeIdNumber);
            await writer.WriteAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{row.LineId},{row.Kind},{row.Period},{row.EnrolmentId},{row.HouseholdId},{Csv(row.PayeeName)},{idNumber},{row.Amount:0.00},{row.ReissueOf},{row.Status},{row.Deduction:0.00},{row.Amount - row.Deduction:0.00}\n"))
                .ConfigureAwait(false);
            if (++rows % 5000 == 0)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <param name="id">Roll version id.</param>
    /// <param name="body">The bank's return file.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<BankReturnResultDto>> RecordBankReturn(Guid id, BankReturnRequest body, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TypedResults.Ok(await sender.Send(new RecordBankReturnCommand(id, body.Csv), cancellationToken).ConfigureAwait(false));
    }

    /// <param name="id">Operation id (from Operation-Location).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<PaymentRollOperationDto>> GetPaymentRollOperation(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPaymentRollOperationQuery(id), cancellationToken).ConfigureAwait(false));

    private static string Csv(string? text) =>
        text is null ? string.Empty : text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}

/// <summary>Which roll to generate.</summary>
/// <param name="RegionCode">County code (6 digits).</param>
/// <param name="Month">Month paid, yyyy-MM.</param>
/// <param name="Programme">Dibao, Tekun, DibaoMarginal or ExpenditureHardship.</param>
public sealed record GeneratePaymentRollRequest([property: Required, MaxLength(12)] string? RegionCode, [property: Required, MaxLength(7)] string? Month, Programme Programme);

/// <summary>An explicit regeneration.</summary>
/// <param name="Reason">Why (required, audited).</param>
public sealed record RegeneratePaymentRollRequest([property: Required, MaxLength(2000)] string? Reason);

/// <summary>The bank's return file.</summary>
/// <param name="Csv">UTF-8 CSV text with the header lineId,status,reference,reason; status Paid or Failed (Failed needs the reason); at most 20,000 rows.</param>
public sealed record BankReturnRequest([property: Required, MaxLength(1_000_000)] string? Csv);
