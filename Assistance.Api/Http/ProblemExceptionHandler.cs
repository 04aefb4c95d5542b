namespace Assistance.Api.Http;

using System.Text.Json;
using Assistance.Application.Common;
using Assistance.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;

/// <summary>
/// The one place exceptions become HTTP problems (RFC 9457). Bad input is always a 4xx naming what is wrong;
/// only a genuine fault is a 500, and it never carries a stack trace.
/// </summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        switch (exception)
        {
            case ValidationException validation when validation.Errors.Any() && validation.Errors.All(e => e.PropertyName == "Cursor"):
                await ProblemDetailsSetup.WriteAsync(httpContext, 400, "request.cursor-invalid", "The cursor is not valid.",
                    "The cursor is not one this API issued: start without a cursor.",
                    new Dictionary<string, string[]> { ["cursor"] = ["The cursor is not one this API issued: start without a cursor."] }).ConfigureAwait(false);
                return true;
            case ValidationException validation:
                var errors = validation.Errors
                    .GroupBy(e => JsonPath(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
                await ProblemDetailsSetup.WriteAsync(httpContext, 400, "validation.failed", "The request is invalid.",
                    "One or more fields are invalid: " + string.Join(", ", errors.Keys) + ".", errors).ConfigureAwait(false);
                return true;
            case DomainValidationException domain:
                await ProblemDetailsSetup.WriteAsync(httpContext, 400, "validation.failed", "The request is invalid.", domain.Message,
                    new Dictionary<string, string[]> { [domain.Field] = [domain.Message] }).ConfigureAwait(false);
                return true;
            case BadHttpRequestException bad:
                await WriteBadRequestAsync(httpContext, bad).ConfigureAwait(false);
                return true;
            case Domain.Policy.ParameterNotInForceException notInForce:
                await ProblemDetailsSetup.WriteAsync(httpContext, 422, "policy.parameter-not-in-force", "No parameter value in force.",
                    notInForce.Message + " Record a value for that date, or pass it in parameterOverrides for a what-if.").ConfigureAwait(false);
                return true;
            case NotFoundException notFound:
                // The id is not repeated back: the caller has it, and a problem never echoes input.
                await ProblemDetailsSetup.WriteAsync(httpContext, 404, $"{Kebab(notFound.Entity)}.not-found", "Not found.",
                    $"No {Kebab(notFound.Entity).Replace('-', ' ')} with that identifier exists in your region.")
                    .ConfigureAwait(false);
                return true;
            case BusinessRuleViolationException rule:
                await ProblemDetailsSetup.WriteAsync(httpContext, 409, rule.Code, "A business rule blocks this change.",
                    rule.RuleId is null ? rule.Message : $"{rule.Message} ({rule.RuleId})").ConfigureAwait(false);
                return true;
            case VersionMismatchException mismatch:
                await ProblemDetailsSetup.WriteAsync(httpContext, 412, $"{Kebab(mismatch.Entity)}.version-mismatch", "The resource has changed.",
                    mismatch.Message).ConfigureAwait(false);
                return true;
            case Application.Households.HouseholdImportRejectedException import:
                // Every refused line at once (up to a cap), by line number: nothing of the import was written.
                await ProblemDetailsSetup.WriteAsync(httpContext, import.Status, import.Code, "The import was refused; nothing was written.", import.Message,
                    extensions: new Dictionary<string, object?> { ["lines"] = import.Errors, ["truncated"] = import.Truncated }).ConfigureAwait(false);
                return true;
            case IdempotencyKeyReusedException reused:
                await ProblemDetailsSetup.WriteAsync(httpContext, 422, "idempotency.key-reused", "Idempotency-Key reused.", reused.Message)
                    .ConfigureAwait(false);
                return true;
            case IdempotencyInProgressException inProgress:
                await ProblemDetailsSetup.WriteAsync(httpContext, 409, "idempotency.in-progress", "Duplicate request in progress.", inProgress.Message)
                    .ConfigureAwait(false);
                return true;
            case Application.Households.RateLimitedException limited:
                httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(limited.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ProblemDetailsSetup.WriteAsync(httpContext, 429, limited.Code, "Too many requests.", limited.Message).ConfigureAwait(false);
                return true;
            case InvalidCursorException cursor:
                await ProblemDetailsSetup.WriteAsync(httpContext, 400, "request.cursor-invalid", "The cursor is not valid.", cursor.Message,
                    new Dictionary<string, string[]> { ["cursor"] = [cursor.Message] }).ConfigureAwait(false);
                return true;
            case ForbiddenException forbidden:
                await ProblemDetailsSetup.WriteAsync(httpContext, 403, "auth.forbidden", "Forbidden.", forbidden.Message).ConfigureAwait(false);
                return true;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                // The client went away; nobody is listening for a body.
                httpContext.Response.StatusCode = 499;
                return true;
            case DatabaseUnavailableException unavailable:
                LogDatabaseUnavailable(logger, unavailable);
                httpContext.Response.Headers.RetryAfter = unavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ProblemDetailsSetup.WriteAsync(httpContext, 503, "database.unavailable", "Service unavailable.",
                    "The database cannot be reached right now. Retry later.").ConfigureAwait(false);
                return true;
            default:
                LogUnhandled(logger, exception);
                await ProblemDetailsSetup.WriteAsync(httpContext, 500, "server.error", "Internal error.",
                    "An unexpected error occurred. Quote the traceId when reporting it.").ConfigureAwait(false);
                return true;
        }
    }

    private static async Task WriteBadRequestAsync(HttpContext httpContext, BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await ProblemDetailsSetup.WriteAsync(httpContext, 413, "request.too-large", "Request body too large.", "The request body exceeds the size limit.")
                .ConfigureAwait(false);
            return;
        }

        // Malformed JSON, wrong types and unknown enum values arrive here wrapped around a JsonException whose
        // Path names the field. The framework's message names C# types and repeats the input, so we word it ourselves.
        if (FindInner<JsonException>(bad) is { } json)
        {
            var field = TextRuleMiddleware.DeclaredFieldOrBody(httpContext, FieldName(json.Path));

            // A required property missing: the reader's message names it (with a C# type we do not repeat).
            var missing = System.Text.RegularExpressions.Regex.Matches(json.Message, "missing required properties including: (.*)$").FirstOrDefault();
            if (missing is not null)
            {
                var names = System.Text.RegularExpressions.Regex.Matches(missing.Groups[1].Value, "'([A-Za-z0-9_]+)'").Select(m => m.Groups[1].Value)
                    .Select(n => field == "body" ? n : $"{field}.{n}").ToList();
                if (names.Count > 0)
                {
                    var text = "Required " + (names.Count == 1 ? "property is" : "properties are") + " missing: " + string.Join(", ", names) + ".";
                    await ProblemDetailsSetup.WriteAsync(httpContext, 400, "request.malformed-json", "The request body is not valid.", text,
                        names.ToDictionary(n => n, n => new[] { $"{n} is required." })).ConfigureAwait(false);
                    return;
                }
            }

            var detail = $"The JSON body is invalid at '{field}'" + (json.LineNumber is { } line ? $" (line {line + 1})" : string.Empty)
                + ": a value is malformed, of the wrong type, or not one of the allowed values.";
            await ProblemDetailsSetup.WriteAsync(httpContext, 400, "request.malformed-json", "The request body is not valid.", detail,
                new Dictionary<string, string[]> { [field] = [detail] }).ConfigureAwait(false);
            return;
        }

        var (status, code, message) = Describe(bad);
        await ProblemDetailsSetup.WriteAsync(httpContext, status, code, "The request is not valid.", message).ConfigureAwait(false);
    }

    /// <summary>
    /// The framework's binding messages (<c>Failed to bind parameter "Nullable&lt;int&gt; limit" from "x"</c>) name C#
    /// types and echo the caller's input; only the parameter name is kept.
    /// </summary>
    private static (int Status, string Code, string Message) Describe(BadHttpRequestException bad)
    {
        var message = bad.Message;
        var parameter = ParameterName().Match(message) is { Success: true } m ? m.Groups["name"].Value : null;
        if (message.Contains("Failed to bind parameter", StringComparison.Ordinal) && parameter is not null)
        {
            return (400, "request.parameter-invalid", $"The parameter '{parameter}' has a value of the wrong type or format.");
        }

        if (message.Contains("Required parameter", StringComparison.Ordinal) && parameter is not null)
        {
            return (400, "request.parameter-missing", $"The parameter '{parameter}' is required.");
        }

        if (message.Contains("Implicit body", StringComparison.Ordinal) || message.Contains("request body", StringComparison.OrdinalIgnoreCase))
        {
            return (400, "request.body-missing", "This operation needs a JSON body.");
        }

        if (message.Contains("content type", StringComparison.OrdinalIgnoreCase) || bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return (415, "request.unsupported-media-type", "Send the body as JSON with Content-Type: application/json.");
        }

        var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400;
        return (status, ProblemDetailsSetup.DefaultCode(status), "The request is malformed.");
    }

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>A JSON path as a field name, or "body"; only plain property names and indexes, never echoed input.</summary>
    public static string FieldName(string? path)
    {
        var field = string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');
        return SafeField().IsMatch(field) && field.Length <= 200 ? field : "body";
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_.\\[\\]]+$")]
    private static partial System.Text.RegularExpressions.Regex SafeField();

    [System.Text.RegularExpressions.GeneratedRegex("parameter \"[^\"]*? (?<name>[A-Za-z0-9_]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ParameterName();

    /// <summary>FluentValidation says <c>Members[0].IdNumber</c>; the JSON body says <c>members[0].idNumber</c>.</summary>
    private static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);
}
