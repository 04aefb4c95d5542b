namespace Assistance.Infrastructure.Workflow;

using Assistance.Application.Abstractions;
using Assistance.Application.Applications;
using Assistance.Application.Applications.ListApplications;
using Assistance.Application.Common;
using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Npgsql;
using CaseApplication = Assistance.Domain.Applications.Application;

public sealed class ApplicationRepository(DbSession session, TimeProvider clock, Assistance.Application.Events.DomainEventCollector events) : IApplicationRepository, IApplicationQueries
{
    public async Task<(CaseApplication Application, string? AssessmentJson)?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string State, string? Assessment, long Version)?>(new CommandDefinition(
            "SELECT state::text, assessment::text, version FROM applications WHERE id = @id AND starts_with(region_code, @prefix)",
            new { id, prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (row is not { } r)
        {
            return null;
        }

        var application = CaseApplication.Restore(WorkflowJson.Deserialize<ApplicationState>(r.State));
        application.SetVersion(r.Version);
        return (application, r.Assessment);
    }

    // The closed statuses as SQL literals (not a parameter), so the planner can match the partial index on open
    // applications, whose predicate (migration 0020) lists the same statuses.
    private static readonly string ClosedStatusesSql =
        string.Join(", ", ApplicationTransitionTable.Closed.Select(s => $"'{s}'"));

    public async Task<Guid?> FindOpenAsync(RegionScope scope, Guid householdId, Programme programme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            $"""
            SELECT id FROM applications
            WHERE household_id = @householdId AND programme = @programme AND starts_with(region_code, @prefix)
              AND status NOT IN ({ClosedStatusesSql})
            LIMIT 1
            """,
            new { householdId, programme = programme.ToString(), prefix = scope.Prefix }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task AddAsync(RegionScope scope, CaseApplication application, IReadOnlyList<Deadline> deadlines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(application);
        scope.Require(application.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        application.SetVersion(1);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO applications (id, region_code, household_id, applicant_member_id, programme, channel, status, conflict_of_interest,
                                          random_check_selected, submitted_on, state, assessment, version, created_at, updated_at)
                VALUES (@id, @region, @householdId, @applicant, @programme, @channel, @status, @conflict, @random, @submittedOn, @state::jsonb, NULL, 1, @now, @now)
                """,
                new
                {
                    id = application.Id,
                    region = application.Region.Value,
                    householdId = application.HouseholdId,
                    applicant = application.ApplicantMemberId,
                    programme = application.Programme.ToString(),
                    channel = application.Channel.ToString(),
                    status = application.Status.ToString(),
                    conflict = application.ConflictOfInterestFlagged,
                    random = application.RandomCheckSelected,
                    submittedOn = application.SubmittedOn,
                    state = WorkflowJson.Serialize(application.ToState()),
                    now = clock.GetUtcNow(),
                },
                session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "ux_applications_open_per_household")
        {
            throw BusinessRules.Violation(new OneOpenApplicationPerHouseholdAndProgramme(application.Programme, anotherIsOpen: true));
        }

        await WriteDeadlinesAsync(connection, application, deadlines, cancellationToken).ConfigureAwait(false);
        events.Collect(application);
    }

    public async Task SaveAsync(
        RegionScope scope, CaseApplication application, long expectedVersion, IReadOnlyList<Deadline> deadlines, string? assessmentJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(application);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        application.SetVersion(expectedVersion + 1);
        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE applications
            SET status = @status, conflict_of_interest = @conflict, random_check_selected = @random, state = @state::jsonb,
                assessment = coalesce(@assessment::jsonb, assessment), version = version + 1, updated_at = @now
            WHERE id = @id AND version = @expectedVersion AND starts_with(region_code, @prefix)
            RETURNING version
            """,
            new
            {
                id = application.Id,
                expectedVersion,
                status = application.Status.ToString(),
                conflict = application.ConflictOfInterestFlagged,
                random = application.RandomCheckSelected,
                state = WorkflowJson.Serialize(application.ToState()),
                assessment = assessmentJson,
                now = clock.GetUtcNow(),
                prefix = scope.Prefix,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (version is null)
        {
            var actual = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT version FROM applications WHERE id = @id", new { id = application.Id }, session.Transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            throw new VersionMismatchException("Application", expectedVersion, actual ?? 0);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM application_deadlines WHERE application_id = @id", new { id = application.Id }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        await WriteDeadlinesAsync(connection, application, deadlines, cancellationToken).ConfigureAwait(false);
        events.Collect(application);
    }

    public async Task<IReadOnlyList<Guid>> ListAwaitingDecisionAsync(RegionScope county, Programme programme, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT id FROM applications
            WHERE region_code LIKE @prefix AND programme = @programme AND status = 'AwaitingDecision'
            ORDER BY id
            FOR UPDATE
            """,
            new { prefix = county.Prefix + "%", programme = programme.ToString() }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return rows.AsList();
    }

    public async Task<IReadOnlyList<ApplicationSummaryDto>> ListAsync(
        RegionScope scope, ApplicationStatus? status, Programme? programme, bool overdue, bool? flagged, DateOnly today, Guid? afterId, int limit,
        CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            """
            SELECT a.id AS Id, a.region_code AS RegionCode, a.household_id AS HouseholdId, a.programme AS Programme, a.status AS Status,
                   a.submitted_on AS SubmittedOn, a.conflict_of_interest AS Flagged, a.version AS Version
            FROM applications a
            WHERE a.region_code LIKE @prefix
              AND (@status::text IS NULL OR a.status = @status)
              AND (@programme::text IS NULL OR a.programme = @programme)
              AND (@flagged::boolean IS NULL OR a.conflict_of_interest = @flagged)
              AND (NOT @overdue OR EXISTS (SELECT 1 FROM application_deadlines d
                                           WHERE d.application_id = a.id AND d.completed_on IS NULL AND d.due_on < @today))
              AND (@afterId::uuid IS NULL OR a.id > @afterId)
            ORDER BY a.id
            LIMIT @limit
            """,
            new
            {
                prefix = scope.Prefix + "%",
                status = status?.ToString(),
                programme = programme?.ToString(),
                flagged,
                overdue,
                today,
                afterId,
                limit,
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var ids = rows.Select(r => r.Id).ToArray();
        var late = (await connection.QueryAsync<DeadlineRow>(new CommandDefinition(
            """
            SELECT application_id AS ApplicationId, step AS Step, started_on AS StartedOn, limit_days AS LimitDays, due_on AS DueOn, source AS Source
            FROM application_deadlines
            WHERE application_id = ANY(@ids) AND completed_on IS NULL AND due_on < @today
            ORDER BY due_on
            """,
            new { ids, today }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToLookup(d => d.ApplicationId);
        return rows.Select(r =>
        {
            var overdueSteps = late[r.Id].Select(d => new DeadlineDto(
                Enum.Parse<DeadlineStep>(d.Step), d.StartedOn, d.LimitDays, Deadline.WorkingDays, d.DueOn, null,
                DeadlineState.Overdue, d.Source)).ToList();
            return new ApplicationSummaryDto(
                r.Id, r.RegionCode, r.HouseholdId, Enum.Parse<Programme>(r.Programme), Enum.Parse<ApplicationStatus>(r.Status),
                r.SubmittedOn, r.Flagged, overdueSteps.Count > 0, overdueSteps, r.Version);
        }).ToList();
    }

    private async Task WriteDeadlinesAsync(NpgsqlConnection connection, CaseApplication application, IReadOnlyList<Deadline> deadlines, CancellationToken cancellationToken)
    {
        if (deadlines.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO application_deadlines (application_id, region_code, step, started_on, limit_days, due_on, completed_on, source)
            SELECT @id, @region, s, st::date, l, du::date, co::date, src
            FROM unnest(@steps::text[], @started::timestamp[], @limits::int[], @dues::timestamp[], @completed::timestamp[], @sources::text[]) AS t(s, st, l, du, co, src)
            """,
            new
            {
                id = application.Id,
                region = application.Region.Value,
                steps = deadlines.Select(d => d.Step.ToString()).ToArray(),
                started = deadlines.Select(d => d.StartedOn.ToDateTime(TimeOnly.MinValue)).ToArray(),
                limits = deadlines.Select(d => d.Limit).ToArray(),
                dues = deadlines.Select(d => d.DueOn.ToDateTime(TimeOnly.MinValue)).ToArray(),
                completed = deadlines.Select(d => d.CompletedOn?.ToDateTime(TimeOnly.MinValue)).ToArray(),
                sources = deadlines.Select(d => d.Source).ToArray(),
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private sealed record SummaryRow(Guid Id, string RegionCode, Guid HouseholdId, string Programme, string Status, DateOnly SubmittedOn, bool Flagged, long Version);

    private sealed record DeadlineRow(Guid ApplicationId, string Step, DateOnly StartedOn, int LimitDays, DateOnly DueOn, string Source);
}
