namespace Assistance.Infrastructure.LifeEvents;

using System.Text.Json;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Events;
using Assistance.Application.Reassessments;
using Assistance.Domain.LifeEvents;
using Assistance.Domain.Reassessments;
using Assistance.Infrastructure.Persistence;
using Dapper;

public sealed class ReassessmentTaskRepository(DbSession session, TimeProvider clock, DomainEventCollector events) : IReassessmentTaskRepository
{
    private const string Columns = """
        id AS Id, region_code AS RegionCode, household_id AS HouseholdId, member_id AS MemberId, life_event_id AS LifeEventId, trigger AS Trigger,
        instruction AS Instruction, status AS Status, opened_on AS OpenedOn, completed_on AS CompletedOn, completion_note AS CompletionNote,
        outcome::text AS Outcome, version AS Version
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task AddAsync(RegionScope scope, ReassessmentTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(task);
        scope.Require(task.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reassessment_tasks (id, region_code, household_id, member_id, life_event_id, trigger, instruction, status, opened_on, version, created_at, updated_at)
            VALUES (@Id, @region, @HouseholdId, @MemberId, @LifeEventId, @trigger, @Instruction, 'Open', @OpenedOn, 1, @now, @now)
            """,
            new
            {
                task.Id,
                region = task.Region.Value,
                task.HouseholdId,
                task.MemberId,
                task.LifeEventId,
                trigger = task.Trigger.ToString(),
                task.Instruction,
                task.OpenedOn,
                now = clock.GetUtcNow(),
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        task.SetVersion(1);
        events.Collect(task);
    }

    public async Task<ReassessmentTask?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync(scope, "id = @id", new { id, prefix = scope?.Prefix }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public async Task SaveAsync(RegionScope scope, ReassessmentTask task, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(task);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var outcome = JsonSerializer.Serialize(new Outcome(task.Reassessed.ToList(), task.NeedingReview.ToList()), Json);
        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE reassessment_tasks SET status = @status, completed_on = @completedOn, completion_note = @note, outcome = @outcome::jsonb,
                   version = version + 1, updated_at = @now
            WHERE id = @id AND version = @expectedVersion AND starts_with(region_code, @prefix)
            RETURNING version
            """,
            new
            {
                id = task.Id,
                status = task.Status.ToString(),
                completedOn = task.CompletedOn,
                note = task.CompletionNote,
                outcome,
                expectedVersion,
                now = clock.GetUtcNow(),
                prefix = scope.Prefix,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new VersionMismatchException("ReassessmentTask", expectedVersion, 0);
        task.SetVersion(version);
        events.Collect(task);
    }

    public Task<IReadOnlyList<ReassessmentTask>> ListAsync(
        RegionScope scope, ReassessmentTaskStatus? status, Guid? householdId, Guid? afterId, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            scope,
            "(@status::text IS NULL OR status = @status) AND (@householdId::uuid IS NULL OR household_id = @householdId) AND (@afterId::uuid IS NULL OR id > @afterId) ORDER BY id LIMIT @limit",
            new { prefix = scope?.Prefix, status = status?.ToString(), householdId, afterId, limit },
            cancellationToken);

    private async Task<IReadOnlyList<ReassessmentTask>> QueryAsync(RegionScope scope, string where, object parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM reassessment_tasks WHERE starts_with(region_code, @prefix) AND {where}", parameters, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return rows.Select(r =>
        {
            var outcome = r.Outcome is null ? null : JsonSerializer.Deserialize<Outcome>(r.Outcome, Json);
            return ReassessmentTask.Restore(new ReassessmentTaskState
            {
                Id = r.Id,
                RegionCode = r.RegionCode,
                HouseholdId = r.HouseholdId,
                MemberId = r.MemberId,
                LifeEventId = r.LifeEventId,
                Trigger = Enum.Parse<LifeEventType>(r.Trigger),
                Instruction = r.Instruction,
                Status = Enum.Parse<ReassessmentTaskStatus>(r.Status),
                OpenedOn = r.OpenedOn,
                CompletedOn = r.CompletedOn,
                CompletionNote = r.CompletionNote,
                Reassessed = outcome?.Reassessed,
                NeedingReview = outcome?.NeedingReview,
                Version = r.Version,
            });
        }).ToList();
    }

    private sealed record Outcome(List<ReassessedEnrolment> Reassessed, List<Guid> NeedingReview);

    private sealed class Row
    {
        public Guid Id { get; init; }

        public string RegionCode { get; init; } = string.Empty;

        public Guid HouseholdId { get; init; }

        public Guid? MemberId { get; init; }

        public Guid? LifeEventId { get; init; }

        public string Trigger { get; init; } = string.Empty;

        public string Instruction { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public DateOnly OpenedOn { get; init; }

        public DateOnly? CompletedOn { get; init; }

        public string? CompletionNote { get; init; }

        public string? Outcome { get; init; }

        public long Version { get; init; }
    }
}
