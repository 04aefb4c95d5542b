namespace Assistance.Api.Http;

using Assistance.Application.Abstractions;
using Assistance.Infrastructure.Persistence;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

/// <summary>
/// OpenTelemetry (docs/operations.md, "Telemetry"): traces of HTTP requests, Npgsql commands and use cases; metrics of
/// request rates and latencies (ASP.NET Core), the connection pool and command durations (Npgsql), assessment
/// outcomes, idempotency replays and job runs (<see cref="AssistanceTelemetry"/>). Exported by OTLP only when
/// <c>Telemetry:OtlpEndpoint</c> is set, to the console when <c>Telemetry:Console</c> is true; with neither (and
/// <c>Telemetry:Enabled</c> not true) nothing is registered, so an unobserved replica pays nothing. Log scopes and
/// problem <c>traceId</c>s carry <see cref="System.Diagnostics.Activity.TraceId"/>, the same id OpenTelemetry exports.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "assistance-api";

    public static IServiceCollection AddAssistanceTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null;
        var console = configuration.GetValue("Telemetry:Console", false);
        if (otlp is null && !console && !configuration.GetValue("Telemetry:Enabled", false))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(AssistanceTelemetry.Name, DatabaseTelemetry.SourceName).AddAspNetCoreInstrumentation();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(options => options.Endpoint = otlp);
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AssistanceTelemetry.Name, DatabaseTelemetry.SourceName).AddAspNetCoreInstrumentation();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(options => options.Endpoint = otlp);
                }

                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        return services;
    }
}
