namespace Assistance.Infrastructure.Persistence;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>
/// Holds one connection that LISTENs on <see cref="Channel"/> (notified by the triggers of migration 0060 when
/// parameter values, the policy revision, regions or the calendar change) and empties <see cref="PolicyCache"/> on
/// every notification, so every replica serves cached parameters without a round trip and still sees a change on its
/// next request. A lost connection puts the cache back on the per-request revision check until LISTEN is in place
/// again (reconnect with backoff, then resynchronise by dropping everything read before).
/// </summary>
public sealed partial class PolicyChangeListener(DatabaseSettings settings, PolicyCache cache, ILogger<PolicyChangeListener> logger) : BackgroundService
{
    public const string Channel = "assistance_policy";

    public const string ApplicationName = "assistance-policy-listener";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(settings.OwnerConnectionString)
        {
            ApplicationName = ApplicationName,
            Pooling = false,
            // An idle LISTEN connection only learns that the server or the network went away by sending something.
            KeepAlive = 5,
        }.ConnectionString;
        var delay = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, _) => cache.Invalidate();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                cache.Resynchronised();
                LogListening(logger);
                delay = TimeSpan.FromMilliseconds(100);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException)
            {
                cache.Lost();
                LogLost(logger, ex, delay.TotalMilliseconds);
            }

            try
            {
                // Real time on purpose: this is a reconnect backoff, not a business clock.
                await Task.Delay(delay, TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
        }

        cache.Lost();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for policy changes; parameter cache resynchronised")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy change listener lost its connection; revision check per request until it reconnects (retry in {DelayMs} ms)")]
    private static partial void LogLost(ILogger logger, Exception exception, double delayMs);
}
