namespace Assistance.Infrastructure.Scheduling;

using Microsoft.Extensions.Configuration;

/// <summary>
/// <c>Scheduler:*</c> settings (docs/operations.md, "Scheduled jobs"). <c>Scheduler:Enabled</c> starts this replica's
/// Quartz scheduler on the clustered store (on by default; the tests switch it off and run jobs on demand, except the
/// tests of the scheduler itself). Jobs can always be run on demand, on every replica.
/// </summary>
public sealed class SchedulerSettings
{
    private readonly IConfiguration configuration;

    public SchedulerSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.configuration = configuration;
        Enabled = configuration.GetValue("Scheduler:Enabled", true);
        SchedulerName = configuration["Scheduler:Name"] is { Length: > 0 } name ? name : "assistance";
        InstanceId = configuration["Scheduler:InstanceId"] is { Length: > 0 } id ? id : "AUTO";
        InstanceName = configuration["Scheduler:InstanceId"] is { Length: > 0 } given ? given : Environment.MachineName;
        TimeZone = configuration["Scheduler:TimeZone"] is { Length: > 0 } zone ? zone : "Asia/Shanghai";
        CheckinInterval = TimeSpan.FromSeconds(configuration.GetValue("Scheduler:CheckinIntervalSeconds", 15));
        StaleRunAfter = TimeSpan.FromMinutes(configuration.GetValue("Scheduler:StaleRunMinutes", 120));
    }

    public bool Enabled { get; }

    /// <summary>The cluster's name: every replica uses the same one (the rows of the qrtz_ tables carry it).</summary>
    public string SchedulerName { get; }

    /// <summary>This replica's id in the cluster; AUTO makes a unique one (host name and time).</summary>
    public string InstanceId { get; }

    /// <summary>Recorded on job_runs: which replica ran (or skipped) a period.</summary>
    public string InstanceName { get; }

    /// <summary>Time zone of the cron schedules (the China calendar by default).</summary>
    public string TimeZone { get; }

    public TimeSpan CheckinInterval { get; }

    public TimeSpan StaleRunAfter { get; }

    public string ScheduleOf(JobDescriptor job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return configuration[$"Scheduler:Jobs:{job.Name}:Schedule"] is { Length: > 0 } cron ? cron : job.DefaultSchedule;
    }
}
