namespace Assistance.Api.Http;

using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

public static class ProblemDetailsSetup
{
    /// <summary>Every problem (ours and the framework's) carries instance, traceId and a stable code.</summary>
    public static IServiceCollection AddAssistanceProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            problem.Extensions.Remove("requestId");
            if (!problem.Extensions.TryGetValue("code", out var code))
            {
                code = DefaultCode(problem.Status);
                problem.Extensions["code"] = code;
            }

            problem.Type ??= ErrorCatalogue.TypeUri((string)code!);
        });

    public static string DefaultCode(int? status) => status switch
    {
        400 => "request.invalid",
        401 => "auth.unauthenticated",
        403 => "auth.forbidden",
        404 => "resource.not-found",
        405 => "request.method-not-allowed",
        406 => "request.not-acceptable",
        409 => "state.conflict",
        412 => "request.precondition-failed",
        413 => "request.too-large",
        415 => "request.unsupported-media-type",
        422 => "request.unprocessable",
        428 => "request.precondition-required",
        429 => "request.rate-limited",
        503 => "service.unavailable",
        _ => "server.error",
    };

    /// <summary>Writes a problem response with the given code; used by filters and the exception handler.</summary>
    public static async Task WriteAsync(
        HttpContext context, int status, string code, string title, string detail, IDictionary<string, string[]>? errors = null,
        IDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = ErrorCatalogue.TypeUri(code);
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        context.Response.StatusCode = status;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false);
    }
}
