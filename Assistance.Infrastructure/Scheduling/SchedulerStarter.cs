namespace Assistance.Infrastructure.Scheduling;

using Assistance.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

/// <summary>
/// Starts the clustered scheduler once the database is migrated. Migrations run in the background
/// (<see cref="DatabaseStartup"/>) so the process is live at once; Quartz validates its <c>qrtz_*</c> tables when it
/// starts, so starting it with the host (Quartz's own hosted service) fails on a fresh database whose migration 0140
/// has not run yet. This waits for readiness instead, polling every second, and shuts the scheduler down with the host,
/// letting running jobs finish.
/// </summary>
public sealed partial class SchedulerStarter(ISchedulerFactory factory, Migrator migrator, TimeProvider clock, ILogger<SchedulerStarter> logger) : BackgroundService
{
    private IScheduler? scheduler;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (scheduler is not null)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken).ConfigureAwait(false);
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!await IsMigratedAsync(stoppingToken).ConfigureAwait(false))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ConfigureAwait(false);
        }

        scheduler = await factory.GetScheduler(stoppingToken).ConfigureAwait(false);
        await scheduler.Start(stoppingToken).ConfigureAwait(false);
        LogStarted(logger, scheduler.SchedulerInstanceId);
    }

    private async Task<bool> IsMigratedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await migrator.IsUpToDateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler started (instance {InstanceId}) after migrations")]
    private static partial void LogStarted(ILogger logger, string instanceId);
}
