namespace Assistance.Api.Http;

using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

public static class ProblemDetailsSetup
{
    public const string MediaType = "application/problem+json";

    /// <summary>Every problem (ours and the framework's) carries instance, traceId and a stable code.</summary>
    public static IServiceCollection AddAssistanceProblemDetails(this IServiceCollection services)
    {
        // Registered before AddProblemDetails so it is asked first: the framework's writer declines when Accept has
        // no JSON, which used to turn a 4xx into a 500 (issue 7). A problem is always problem+json.
        services.AddSingleton<IProblemDetailsWriter, AlwaysJsonProblemDetailsWriter>();
        return services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // The operation's route template, not the request path: a problem never echoes what the caller sent.
            problem.Instance = (OperationEndpoint(context.HttpContext) as RouteEndpoint)?.RoutePattern.RawText is { } template
                ? "/" + template.TrimStart('/')
                : null;
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            problem.Extensions.Remove("requestId");
            problem.Extensions.Remove("exception");
            if (!problem.Extensions.TryGetValue("code", out var code))
            {
                code = DefaultCode(problem.Status);
                problem.Extensions["code"] = code;
            }

            problem.Title ??= DefaultTitle(problem.Status);
            problem.Type = ErrorCatalogue.TypeUri((string)code!);
        });
    }

    private static readonly object EndpointKey = new();

    /// <summary>Remembers the matched operation: the exception handler clears the endpoint before problems are written.</summary>
    public static IApplicationBuilder RememberOperation(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Items[EndpointKey] = context.GetEndpoint();
            return next(context);
        });

    /// <summary>The operation the request matched, also while an exception is being handled.</summary>
    public static Endpoint? OperationEndpoint(HttpContext context) =>
        context?.GetEndpoint() ?? (context?.Items.TryGetValue(EndpointKey, out var endpoint) == true ? endpoint as Endpoint : null);

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
        414 => "request.uri-too-long",
        415 => "request.unsupported-media-type",
        422 => "request.unprocessable",
        428 => "request.precondition-required",
        429 => "request.rate-limited",
        431 => "request.headers-too-large",
        503 => "service.unavailable",
        _ => "server.error",
    };

    private static string DefaultTitle(int? status) => status switch
    {
        400 => "The request is not valid.",
        401 => "Authentication required.",
        403 => "Forbidden.",
        404 => "Not found.",
        405 => "Method not allowed.",
        409 => "Conflict.",
        412 => "Precondition failed.",
        413 => "Request too large.",
        414 => "URI too long.",
        415 => "Unsupported media type.",
        429 => "Too many requests.",
        431 => "Request headers too large.",
        503 => "Service unavailable.",
        _ => "Error.",
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

    /// <summary>Writes problem+json whatever the request's Accept header says (the framework's writer negotiates).</summary>
    private sealed class AlwaysJsonProblemDetailsWriter(IOptions<ProblemDetailsOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var http = context.HttpContext;
            var problem = context.ProblemDetails;
            problem.Status ??= http.Response.StatusCode;
            options.Value.CustomizeProblemDetails?.Invoke(context);
            http.Response.ContentType = MediaType;
            return new ValueTask(JsonSerializer.SerializeAsync(http.Response.Body, problem, problem.GetType(), json.Value.SerializerOptions, http.RequestAborted));
        }
    }
}
