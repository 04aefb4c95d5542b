namespace Assistance.Infrastructure.Partners;

using Microsoft.Extensions.Configuration;

/// <summary>Delivery settings (<c>Partners:Delivery</c>); see docs/partners.md for the retry semantics they give.</summary>
public sealed class WebhookDeliverySettings
{
    /// <summary>Attempts in total before a delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Quick retries inside one pass (the Polly pipeline), before the delivery is rescheduled.</summary>
    public int InPassRetries { get; set; } = 2;

    public int InPassDelayMilliseconds { get; set; } = 500;

    /// <summary>First persisted backoff; it doubles with each attempt (with jitter) up to <see cref="MaxBackoffSeconds"/>.</summary>
    public int BackoffSeconds { get; set; } = 30;

    public int MaxBackoffSeconds { get; set; } = 3600;

    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>How long a claimed delivery is held by its worker before another may take it (a crashed worker's rows come back).</summary>
    public int LeaseSeconds { get; set; } = 120;

    public int BatchSize { get; set; } = 50;

    public int Parallelism { get; set; } = 8;

    /// <summary>How often the hosted worker looks for due deliveries; 0 turns the hosted loop off (tests drive passes).</summary>
    public int PollIntervalMilliseconds { get; set; } = 1000;

    public static WebhookDeliverySettings From(IConfiguration configuration)
    {
        var settings = new WebhookDeliverySettings();
        configuration.GetSection("Partners:Delivery").Bind(settings);
        return settings;
    }

    /// <summary>
    /// The persisted wait after a failed pass: exponential in the attempts made (base × 2^(attempts−1), capped) with
    /// "equal jitter" (half fixed, half random) so that receivers coming back are not hit by every retry at once.
    /// </summary>
    public TimeSpan Backoff(int attempts, double random)
    {
        var exponential = BackoffSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var capped = Math.Min(exponential, MaxBackoffSeconds);
        return TimeSpan.FromSeconds((capped / 2) + (capped / 2 * random));
    }
}
