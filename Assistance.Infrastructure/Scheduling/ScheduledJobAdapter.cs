namespace Assistance.Infrastructure.Scheduling;

using Quartz;

/// <summary>
/// The one Quartz job type: a trigger of the clustered store fires it on one replica, and it hands the registered job
/// (the job key's name) to the runner with the scheduled fire time, which picks the period. Non-concurrent: the store
/// does not start a second execution of the same job while one runs anywhere in the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledJobAdapter(JobRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await runner.RunScheduledAsync(context.JobDetail.Key.Name, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken).ConfigureAwait(false);
    }
}
