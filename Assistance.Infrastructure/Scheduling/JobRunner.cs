namespace Assistance.Infrastructure.Scheduling;

using System.Text.Json;
using Assistance.Application.Abstractions;
using Assistance.Application.Jobs;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>
/// Runs a job at most once per period, whichever replica's scheduler or caller asks: the Running row inserted first
/// (unique per job and period while Running or Succeeded, index ux_job_runs_period) is the claim. A second attempt
/// for a claimed period does nothing and is recorded as Skipped with the run that holds the period. A Failed run
/// releases the period; a Running row older than <see cref="SchedulerSettings.StaleRunAfter"/> (its replica died
/// mid-run) is marked Failed and the period claimed again. Runs as the owner (system work, national scope).
/// </summary>
public sealed partial class JobRunner(
    [FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource dataSource,
    IEnumerable<JobDescriptor> descriptors,
    IServiceScopeFactory scopes,
    IServiceProvider services,
    SchedulerSettings settings,
    TimeProvider clock,
    ILogger<JobRunner> logger) : IJobRunner
{
    private const string Columns = """
        id AS Id, job AS Job, period AS Period, trigger AS Trigger, requested_by AS RequestedBy, outcome AS Outcome, started_at AS StartedAt,
        finished_at AS FinishedAt, counts::text AS Counts, detail AS Detail, same_as_run AS SameAsRun
        """;

    private readonly IReadOnlyList<JobDescriptor> registered = [.. descriptors];

    public IReadOnlyList<JobDescription> Jobs => registered
        .Select(d => new JobDescription(d.Name, d.Description, settings.ScheduleOf(d), JobPeriods.Describe(d.PeriodKind)))
        .ToList();

    public IReadOnlyList<JobDescriptor> Descriptors => registered;

    public bool IsValidPeriod(string job, string period) =>
        registered.FirstOrDefault(d => d.Name == job) is { } d && JobPeriods.TryParse(d.PeriodKind, period, out _);

    /// <summary>A scheduled fire: the period is the scheduled fire time's, so a misfire made up later still does its own period.</summary>
    public Task<JobRunDto> RunScheduledAsync(string job, DateTimeOffset scheduledFireTime, CancellationToken cancellationToken)
    {
        var descriptor = Find(job);
        // requested_by names the fire time: the record shows which scheduled fire each run (or no-op) came from.
        var by = $"scheduler {scheduledFireTime.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}";
        return RunAsync(descriptor, JobPeriods.At(descriptor.PeriodKind, scheduledFireTime), JobTrigger.Schedule, by, cancellationToken);
    }

    public Task<JobRunDto> RunAsync(string job, string? period, JobTrigger trigger, string requestedBy, CancellationToken cancellationToken)
    {
        var descriptor = Find(job);
        JobPeriod resolved;
        if (period is null)
        {
            resolved = JobPeriods.At(descriptor.PeriodKind, clock.GetUtcNow());
        }
        else if (!JobPeriods.TryParse(descriptor.PeriodKind, period, out resolved))
        {
            throw new ArgumentException($"'{period}' is not a {JobPeriods.Describe(descriptor.PeriodKind)} period.", nameof(period));
        }

        return RunAsync(descriptor, resolved, trigger, requestedBy, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, JobRunDto>> LastRunsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM unnest(@jobs::text[]) AS j(name)
            CROSS JOIN LATERAL (SELECT * FROM job_runs r WHERE r.job = j.name ORDER BY r.started_at DESC, r.id DESC LIMIT 1) r
            """,
            new { jobs = registered.Select(d => d.Name).ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Job, r => r.ToDto());
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset?>> NextFireTimesAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled || services.GetService<Quartz.ISchedulerFactory>() is not { } factory)
        {
            return new Dictionary<string, DateTimeOffset?>();
        }

        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, DateTimeOffset?>();
        foreach (var d in registered)
        {
            var trigger = await scheduler.GetTrigger(SchedulingRegistration.TriggerKeyOf(d.Name), cancellationToken).ConfigureAwait(false);
            result[d.Name] = trigger?.NextFireTimeUtc;
        }

        return result;
    }

    private JobDescriptor Find(string job) =>
        registered.FirstOrDefault(d => d.Name == job) ?? throw new ArgumentException($"No job named '{job}'.", nameof(job));

    private async Task<JobRunDto> RunAsync(JobDescriptor descriptor, JobPeriod period, JobTrigger trigger, string requestedBy, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var claimed = await ClaimAsync(id, descriptor.Name, period.Text, trigger, requestedBy, cancellationToken).ConfigureAwait(false);
        if (!claimed.Claimed)
        {
            Count(descriptor.Name, "skipped");
            return claimed.Run;
        }

        string outcome;
        string? detail = null;
        IReadOnlyDictionary<string, long> counts = new Dictionary<string, long>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = (IScheduledJob)scope.ServiceProvider.GetRequiredService(descriptor.JobType);
            using (SystemCaller.Enter(descriptor.Name))
            {
                counts = await job.RunAsync(period, cancellationToken).ConfigureAwait(false);
            }
            outcome = nameof(JobOutcome.Succeeded);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(id, nameof(JobOutcome.Failed), counts, "Cancelled (the replica is stopping); the period can run again.", CancellationToken.None)
                .ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = nameof(JobOutcome.Failed);
            detail = $"{ex.GetType().Name}: {ex.Message}";
            LogFailed(logger, descriptor.Name, period.Text, ex);
        }

        var run = await FinishAsync(id, outcome, counts, detail, cancellationToken).ConfigureAwait(false);
        Count(descriptor.Name, outcome == nameof(JobOutcome.Succeeded) ? "ok" : "failed");
        LogRan(logger, descriptor.Name, period.Text, outcome);
        return run;
    }

    private async Task<(bool Claimed, JobRunDto Run)> ClaimAsync(
        Guid id, string job, string period, JobTrigger trigger, string requestedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var args = new
        {
            id,
            job,
            period,
            trigger = trigger.ToString(),
            requestedBy,
            instance = settings.InstanceName,
            now,
            staleBefore = now - settings.StaleRunAfter,
        };

        // A claim left Running by a replica that died is released first.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE job_runs SET outcome = 'Failed', finished_at = @now,
                   detail = 'Abandoned: still Running after the stale limit (its replica stopped mid-run); the period is claimed again.'
            WHERE job = @job AND period = @period AND outcome = 'Running' AND started_at < @staleBefore
            """,
            args, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var inserted = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            """
            INSERT INTO job_runs (id, job, period, trigger, requested_by, instance, outcome, started_at)
            VALUES (@id, @job, @period, @trigger, @requestedBy, @instance, 'Running', @now)
            ON CONFLICT (job, period) WHERE outcome IN ('Running', 'Succeeded') DO NOTHING
            RETURNING id
            """,
            args, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted is not null)
        {
            return (true, new JobRunDto(id, job, period, trigger, requestedBy, JobOutcome.Running, now, null, new Dictionary<string, long>(), null, null));
        }

        // The no-op is recorded too, pointing at the run that holds the period.
        var skipped = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"""
            WITH holder AS (
                SELECT id, outcome FROM job_runs WHERE job = @job AND period = @period AND outcome IN ('Running', 'Succeeded') LIMIT 1
            )
            INSERT INTO job_runs (id, job, period, trigger, requested_by, instance, outcome, started_at, finished_at, detail, same_as_run)
            SELECT @id, @job, @period, @trigger, @requestedBy, @instance, 'Skipped', @now, @now,
                   CASE holder.outcome WHEN 'Running' THEN 'The period is being run by run ' ELSE 'The period was already run by run ' END
                       || holder.id::text || ': nothing done.',
                   holder.id
            FROM holder
            RETURNING {Columns}
            """,
            args, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (false, skipped.ToDto());
    }

    private async Task<JobRunDto> FinishAsync(Guid id, string outcome, IReadOnlyDictionary<string, long> counts, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"""
            UPDATE job_runs SET outcome = @outcome, finished_at = @now, counts = @counts::jsonb, detail = @detail
            WHERE id = @id
            RETURNING {Columns}
            """,
            new { id, outcome, now = clock.GetUtcNow(), counts = JsonSerializer.Serialize(counts), detail = detail is { Length: > 2000 } ? detail[..2000] : detail },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.ToDto();
    }

    private static void Count(string job, string result) =>
        AssistanceTelemetry.JobRuns.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("result", result));

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} for {Period}: {Outcome}")]
    private static partial void LogRan(ILogger logger, string job, string period, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} for {Period} failed; the period can run again")]
    private static partial void LogFailed(ILogger logger, string job, string period, Exception exception);

    private sealed class Row
    {
        public Guid Id { get; init; }

        public string Job { get; init; } = string.Empty;

        public string Period { get; init; } = string.Empty;

        public string Trigger { get; init; } = string.Empty;

        public string RequestedBy { get; init; } = string.Empty;

        public string Outcome { get; init; } = string.Empty;

        public DateTime StartedAt { get; init; }

        public DateTime? FinishedAt { get; init; }

        public string Counts { get; init; } = "{}";

        public string? Detail { get; init; }

        public Guid? SameAsRun { get; init; }

        public JobRunDto ToDto() => new(
            Id,
            Job,
            Period,
            Enum.Parse<JobTrigger>(Trigger),
            RequestedBy,
            Enum.Parse<JobOutcome>(Outcome),
            new DateTimeOffset(DateTime.SpecifyKind(StartedAt, DateTimeKind.Utc)),
            FinishedAt is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : null,
            JsonSerializer.Deserialize<Dictionary<string, long>>(Counts) ?? [],
            Detail,
            SameAsRun);
    }
}
