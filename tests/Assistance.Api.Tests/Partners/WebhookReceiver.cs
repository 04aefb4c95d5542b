namespace Assistance.Api.Tests.Partners;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// A real HTTP receiver on a free loopback port (Kestrel): records every request it gets, answers with the status the
/// test's policy chooses (a request answered 500 was still received: the sender must retry, the receiver sees a
/// duplicate), and can go down (connection refused) and come back on the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? app;
    private readonly ConcurrentDictionary<string, int> seen = new(StringComparer.Ordinal);

    public WebhookReceiver() => Port = FreePort();

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Status to answer, given the event id and how many times it was seen before (0 the first time).</summary>
    public Func<string, int, int> Policy { get; set; } = (_, _) => 200;

    public sealed record Received(string EventId, string Timestamp, string Signature, string Body, int AnsweredStatus);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        app = builder.Build();
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var eventId = context.Request.Headers["Webhook-Id"].ToString();
            var before = seen.AddOrUpdate(eventId, 1, (_, n) => n + 1) - 1;
            var status = Policy(eventId, before);
            Requests.Enqueue(new Received(eventId, context.Request.Headers["Webhook-Timestamp"].ToString(), context.Request.Headers["Webhook-Signature"].ToString(), body, status));
            context.Response.StatusCode = status;
        });
        await app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
