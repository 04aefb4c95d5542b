namespace Assistance.Api.Tests.Operations;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Assistance.Api.Security;
using Assistance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

/// <summary>OpenTelemetry with the in-memory exporter: spans of HTTP, use case and Npgsql in one trace, metrics, log trace ids.</summary>
public sealed class TelemetryTests
{
    private const string Assessment = """
        { "regionCode": "320682", "asOf": "2022-10-01", "residence": "Urban",
          "members": [ { "birthDate": "1950-01-01", "laborCapacity": "None", "selfCare": "PartialCare" } ],
          "monthlyRigidExpenditure": 0 }
        """;

    [Test]
    public async Task OneRequest_SpansOfHttpUseCaseAndNpgsqlShareTheTraceIdThatLogsAndProblemsCarry()
    {
        var activities = new List<Activity>();
        var metrics = new List<Metric>();
        var logs = new CapturingLoggerProvider();
        var database = await TestDatabase.CreateAsync();
        var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Telemetry:Enabled"] = "true" });
        var observed = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(activities));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
            services.AddSingleton<ILoggerProvider>(logs);
        }));
        string problemTraceId;
        try
        {
            var client = Client(observed, "320682", "policy.read", "policy.admin");
            var ok = await client.PostAsync(new Uri("/api/v1/assessments", UriKind.Relative), Http.RawJson(Assessment));
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ok.Content.ReadAsStringAsync());
            var bad = await client.PostAsync(new Uri("/api/v1/assessments?trace=verbose", UriKind.Relative), Http.RawJson(Assessment));
            problemTraceId = (string)(await bad.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["traceId"]!;

            var value = new JsonObject
            {
                ["key"] = "dibao.standard.rural",
                ["regionCode"] = "469001",
                ["effectiveFrom"] = "2040-01-01",
                ["value"] = 900,
                ["source"] = "测试文件 一.1",
            };
            var admin = Client(observed, "000000", "policy.read", "policy.admin");
            var first = await admin.PostJsonAsync("/api/v1/policy/parameters", value, idempotencyKey: "otel-1");
            var replay = await admin.PostJsonAsync("/api/v1/policy/parameters", value, idempotencyKey: "otel-1");
            Assert.That((first.StatusCode, replay.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.Created)));

            Assert.That(observed.Services.GetRequiredService<MeterProvider>().ForceFlush(), Is.True);
            Assert.Multiple(() =>
            {
                Assert.That(Sum(metrics, "assistance.assessments", "outcome", "Tekun"), Is.EqualTo(1));
                Assert.That(Sum(metrics, "assistance.idempotency.replays", "use_case", "SetParameterValueCommand"), Is.EqualTo(1));
                Assert.That(metrics.Select(m => m.Name), Does.Contain("http.server.request.duration"));
                Assert.That(metrics.Select(m => m.Name), Does.Contain("db.client.connection.count").Or.Contain("db.client.connections.usage"));
            });
        }
        finally
        {
            // Stopping the host ends and exports every span (the server span ends after the client has its response).
            await observed.DisposeAsync();
            await factory.DisposeAsync();
        }

        var servers = activities.Where(a => a.Kind == ActivityKind.Server).ToList();
        var assessment = servers.Single(a => a.DisplayName.StartsWith("POST", StringComparison.Ordinal)
            && a.GetTagItem("url.query") is null && (string?)a.GetTagItem("http.route") == "/api/v1/assessments");
        var trace = activities.Where(a => a.TraceId == assessment.TraceId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(trace.Select(a => a.DisplayName), Does.Contain("AssessHouseholdQuery"), "the use case span");
            Assert.That(trace.Where(a => a.Source.Name == "Npgsql"), Is.Not.Empty, "the policy read of a cold cache");
            Assert.That(trace.Single(a => a.DisplayName == "AssessHouseholdQuery").ParentSpanId, Is.EqualTo(assessment.SpanId));
            Assert.That(servers.Select(a => a.TraceId.ToHexString()), Does.Contain(problemTraceId), "problem traceId = exported trace id");
            Assert.That(logs.TraceIdsOf("Handled AssessHouseholdQuery"), Does.Contain(assessment.TraceId.ToHexString()), "log scope trace id = exported trace id");
        });
    }

    private static long Sum(List<Metric> metrics, string name, string tag, string value)
    {
        long sum = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var pair in point.Tags)
                {
                    if (pair.Key == tag && Equals(pair.Value, value))
                    {
                        sum = Math.Max(sum, point.GetSumLong());
                    }
                }
            }
        }

        return sum;
    }

    private static HttpClient Client(WebApplicationFactory<Program> factory, string region, params string[] scopes)
    {
        var client = factory.CreateClient();
        var token = DevToken.Create(factory.Services.GetRequiredService<JwtSettings>(), "tester", scopes, region, null, TimeProvider.System, TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Records each log message with the TraceId of its scopes, as a log shipper would see it.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<(string Message, string? TraceId)> entries = new();
        private IExternalScopeProvider? scopes;

        public IEnumerable<string?> TraceIdsOf(string messageStart) =>
            entries.Where(e => e.Message.StartsWith(messageStart, StringComparison.Ordinal)).Select(e => e.TraceId);

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider.scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                string? traceId = null;
                provider.scopes?.ForEachScope(
                    (scope, _) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            traceId ??= pairs.FirstOrDefault(p => p.Key == "TraceId").Value?.ToString();
                        }
                    },
                    (object?)null);
                provider.entries.Enqueue((formatter(state, exception), traceId));
            }
        }
    }
}
