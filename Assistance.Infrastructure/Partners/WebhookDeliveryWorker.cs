namespace Assistance.Infrastructure.Partners;

using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistance.Application.Subscriptions;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;
using Polly.Timeout;

/// <summary>
/// Delivers outbox events to partner callbacks (at-least-once). Each pass claims due deliveries with
/// <c>FOR UPDATE SKIP LOCKED</c> (so several replicas never send the same delivery in the same round), skipping any whose
/// subscription still has an earlier pending delivery for the same order key (order per person), counts the attempt and
/// pushes <c>next_attempt_at</c> forward by a lease — all persisted before anything is sent. Each delivery goes through
/// a Polly pipeline (per-attempt timeout, a few quick retries with exponential backoff and jitter, each retry persisted
/// too); when the pass fails, the next attempt is scheduled in the table with exponential backoff and jitter, and after
/// <see cref="WebhookDeliverySettings.MaxAttempts"/> the delivery is dead-lettered. Times come from <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class WebhookDeliveryWorker : BackgroundService
{
    public const string HttpClientName = "webhooks";

    private static readonly ResiliencePropertyKey<Claimed> DeliveryKey = new("delivery");

    private readonly NpgsqlDataSource dataSource;
    private readonly WebhookDeliverySettings settings;
    private readonly IWebhookSecretProtector protector;
    private readonly TimeProvider clock;
    private readonly HttpClient http;
    private readonly ILogger<WebhookDeliveryWorker> logger;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    public WebhookDeliveryWorker(
        [FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource dataSource, WebhookDeliverySettings settings, IWebhookSecretProtector protector,
        TimeProvider clock, WebhookHttpClient client, ILogger<WebhookDeliveryWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(client);
        this.dataSource = dataSource;
        this.settings = settings;
        this.protector = protector;
        this.clock = clock;
        this.logger = logger;
        http = client.Client;
        pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, settings.InPassRetries),
                Delay = TimeSpan.FromMilliseconds(settings.InPassDelayMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    settings.InPassRetries > 0
                    && args.Context.Properties.GetValue(DeliveryKey, null!).Attempts < settings.MaxAttempts
                    && (args.Outcome.Exception is HttpRequestException or TimeoutRejectedException
                        || args.Outcome.Result is { IsSuccessStatusCode: false })),
                OnRetry = async args =>
                {
                    // Every attempt is persisted before it is made: a crash during the wait loses nothing.
                    var delivery = args.Context.Properties.GetValue(DeliveryKey, null!);
                    delivery.Attempts++;
                    delivery.LastError = Describe(args.Outcome);
                    args.Outcome.Result?.Dispose();
                    await PersistAttemptAsync(delivery, clock.GetUtcNow() + args.RetryDelay + Lease, CancellationToken.None).ConfigureAwait(false);
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds))
            .Build();
    }

    private TimeSpan Lease => TimeSpan.FromSeconds(settings.LeaseSeconds);

    /// <summary>One pass: claims the due deliveries (up to the batch size) and sends them; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(
            claimed, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = cancellationToken },
            async (delivery, token) => await DeliverAsync(delivery, token).ConfigureAwait(false)).ConfigureAwait(false);
        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.PollIntervalMilliseconds <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromMilliseconds(settings.PollIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken).ConfigureAwait(false) > 0)
                {
                }

                await Task.Delay(interval, TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogPassFailed(logger, ex);
                try
                {
                    await Task.Delay(interval, TimeProvider.System, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<List<Claimed>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("SELECT set_config('assistance.region_prefix', '*', true)", transaction: tx, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var rows = (await connection.QueryAsync<ClaimRow>(new CommandDefinition(
            """
            WITH due AS (
                SELECT d.id FROM outbox_deliveries d
                JOIN partner_subscriptions s ON s.id = d.subscription_id AND s.deleted_at IS NULL
                WHERE d.status = 'Pending' AND d.next_attempt_at <= @now
                  AND NOT EXISTS (
                      SELECT 1 FROM outbox_deliveries p
                      WHERE p.subscription_id = d.subscription_id AND p.order_key = d.order_key AND p.status = 'Pending' AND p.event_seq < d.event_seq)
                ORDER BY d.event_seq
                LIMIT @batch
                FOR UPDATE OF d SKIP LOCKED
            )
            UPDATE outbox_deliveries d SET attempts = d.attempts + 1, next_attempt_at = @leaseUntil
            FROM due, outbox_events e, partner_subscriptions s
            WHERE d.id = due.id AND e.id = d.event_id AND s.id = d.subscription_id
            RETURNING d.id, d.attempts, e.id AS event_id, e.type, e.occurred_at, e.data::text AS data, s.callback_url, s.secret_protected
            """,
            new { now, batch = settings.BatchSize, leaseUntil = now + Lease }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new Claimed(r)).ToList();
    }

    private async Task DeliverAsync(Claimed delivery, CancellationToken cancellationToken)
    {
        var body = Body(delivery.Row);
        var secret = protector.Unprotect(delivery.Row.SecretProtected);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(DeliveryKey, delivery);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await pipeline.ExecuteOutcomeAsync(
                async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await SendAsync(state.Url, state.EventId, state.Body, state.Secret, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Url: delivery.Row.CallbackUrl, EventId: delivery.Row.EventId, Body: body, Secret: secret)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using var response = outcome.Result;
        if (response is { IsSuccessStatusCode: true })
        {
            await CompleteAsync(delivery, cancellationToken).ConfigureAwait(false);
            return;
        }

        delivery.LastError = Describe(outcome);
        if (delivery.Attempts >= settings.MaxAttempts)
        {
            await DeadLetterAsync(delivery, cancellationToken).ConfigureAwait(false);
            LogDeadLettered(logger, delivery.Row.Id, delivery.Attempts);
        }
        else
        {
            var next = clock.GetUtcNow() + settings.Backoff(delivery.Attempts, Random.Shared.NextDouble());
            await PersistAttemptAsync(delivery, next, cancellationToken, countAttempt: false).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string url, Guid eventId, string body, string secret, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Webhook-Id", eventId.ToString());
        request.Headers.Add("Webhook-Timestamp", timestamp);
        request.Headers.Add("Webhook-Signature", "v1=" + Sign(secret, timestamp, body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Assistance-Webhooks", "1"));
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>HMAC-SHA256 with the subscription secret (its UTF-8 bytes) over <c>timestamp + "." + body</c>, lower-case hex.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    private static string Body(ClaimRow row)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("eventId", row.EventId);
            writer.WriteString("type", row.Type);
            writer.WriteString("occurredAt", new DateTimeOffset(DateTime.SpecifyKind(row.OccurredAt, DateTimeKind.Utc)));
            writer.WritePropertyName("data");
            writer.WriteRawValue(row.Data);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name + ": " + ex.Message[..Math.Min(ex.Message.Length, 300)]
        : outcome.Result is { } r ? "HTTP " + ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture)
        : "no response";

    private async Task PersistAttemptAsync(Claimed delivery, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken, bool countAttempt = true)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE outbox_deliveries SET {(countAttempt ? "attempts = attempts + 1, " : string.Empty)}next_attempt_at = @next, last_error = @error WHERE id = @id AND status = 'Pending'",
            new { id = delivery.Row.Id, next = nextAttemptAt, error = delivery.LastError }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task CompleteAsync(Claimed delivery, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox_deliveries SET status = 'Delivered', delivered_at = @now, last_error = NULL WHERE id = @id AND status = 'Pending'",
            new { id = delivery.Row.Id, now = clock.GetUtcNow() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task DeadLetterAsync(Claimed delivery, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox_deliveries SET status = 'DeadLettered', dead_lettered_at = @now, last_error = @error WHERE id = @id AND status = 'Pending'",
            new { id = delivery.Row.Id, now = clock.GetUtcNow(), error = delivery.LastError }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery pass failed; retrying next round")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} dead-lettered after {Attempts} attempts")]
    private static partial void LogDeadLettered(ILogger logger, long deliveryId, int attempts);

    private sealed record ClaimRow(long Id, int Attempts, Guid EventId, string Type, DateTime OccurredAt, string Data, string CallbackUrl, string SecretProtected);

    private sealed class Claimed(ClaimRow row)
    {
        public ClaimRow Row { get; } = row;

        public int Attempts { get; set; } = row.Attempts;

        public string? LastError { get; set; }
    }
}

/// <summary>The webhook HTTP client: no redirects (a callback cannot bounce us elsewhere), pooled connections recycled.</summary>
public sealed class WebhookHttpClient : IDisposable
{
    public HttpClient Client { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public void Dispose() => Client.Dispose();
}
