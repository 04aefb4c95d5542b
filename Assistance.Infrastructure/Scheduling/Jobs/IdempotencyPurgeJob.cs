namespace Assistance.Infrastructure.Scheduling.Jobs;

using Assistance.Infrastructure.Persistence;

/// <summary>Deletes stored idempotent responses older than the retention (<see cref="IdempotencyRetention"/>), hourly.</summary>
public sealed class IdempotencyPurgeJob(IdempotencyRetention retention) : IScheduledJob
{
    public static string Name => "idempotency-purge";

    public static string Description => "Deletes stored idempotent responses older than Idempotency:RetentionHours (they hold whole responses).";

    public static string DefaultSchedule => "0 5 * * * ?";

    public static JobPeriodKind PeriodKind => JobPeriodKind.Hour;

    public async Task<IReadOnlyDictionary<string, long>> RunAsync(JobPeriod period, CancellationToken cancellationToken) =>
        new Dictionary<string, long> { ["deleted"] = await retention.PurgeAsync(cancellationToken).ConfigureAwait(false) };
}
