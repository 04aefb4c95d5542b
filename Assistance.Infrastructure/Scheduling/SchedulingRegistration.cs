namespace Assistance.Infrastructure.Scheduling;

using Assistance.Application.Jobs;
using Assistance.Infrastructure.Persistence;
using Assistance.Infrastructure.Scheduling.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

/// <summary>
/// Jobs and the clustered Quartz scheduler (docs/operations.md, "Scheduled jobs"). The job store is Quartz's ADO.NET
/// store on PostgreSQL (tables of migration 0140), clustered: every replica runs a scheduler, the store's row locks
/// let exactly one of them fire each trigger, a replica that stops checking in has its jobs recovered by the others,
/// and triggers survive restarts. The store connects as the API role (it only reads and writes its own qrtz_ rows;
/// no DDL, no personal data), the jobs' work runs as the owner like any system work.
/// </summary>
public static class SchedulingRegistration
{
    public const string JobGroup = "assistance";

    public static TriggerKey TriggerKeyOf(string job) => new(job + ".schedule", JobGroup);

    /// <summary>Registers a job: its class in DI and its descriptor (name, schedule, period) for the scheduler and the API.</summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services)
        where TJob : class, IScheduledJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new JobDescriptor(TJob.Name, TJob.Description, TJob.DefaultSchedule, TJob.PeriodKind, typeof(TJob)));
        return services;
    }

    /// <summary>The jobs of this service: one line each (payment rolls, partner feeds… add theirs here).</summary>
    public static void AddJobs(IServiceCollection services)
    {
        services.AddScheduledJob<IdempotencyPurgeJob>();
        services.AddScheduledJob<AlertRulesJob>();
        services.AddScheduledJob<DueReviewScanJob>();
        services.AddScheduledJob<MedicalInsuranceFeedJob>();
        services.AddScheduledJob<GradualExitEndsJob>();
        services.AddScheduledJob<TekunMinorAgeLimitJob>();
        services.AddScheduledJob<PaymentRollsJob>();
    }

    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var settings = new SchedulerSettings(configuration);
        services.AddSingleton(settings);
        AddJobs(services);
        services.AddSingleton<JobRunner>();
        services.AddSingleton<IJobRunner>(sp => sp.GetRequiredService<JobRunner>());
        if (!settings.Enabled)
        {
            return services;
        }

        var jobs = services.Where(s => s.ServiceType == typeof(JobDescriptor)).Select(s => (JobDescriptor)s.ImplementationInstance!).ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = settings.SchedulerName;
                if (settings.InstanceId != "AUTO")
                {
                    o.InstanceId = settings.InstanceId;
                }
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(database.AppConnectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c => c.CheckinInterval = settings.CheckinInterval);
            });
            foreach (var job in jobs)
            {
                var key = new JobKey(job.Name, JobGroup);
                q.AddJob<ScheduledJobAdapter>(j => j.WithIdentity(key).WithDescription(job.Description).StoreDurably().RequestRecovery());
                q.AddTrigger(t => t
                    .ForJob(key)
                    .WithIdentity(TriggerKeyOf(job.Name))
                    .WithCronSchedule(settings.ScheduleOf(job), cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        // Not Quartz's hosted service: it validates the job store when the host starts, before migrations have run.
        services.AddHostedService<SchedulerStarter>();
        return services;
    }
}
