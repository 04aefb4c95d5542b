namespace Assistance.Infrastructure.LifeEvents;

using System.Text.Json;
using Assistance.Application.Abstractions;
using Assistance.Application.Events;
using Assistance.Application.LifeEvents;
using Assistance.Domain.Common;
using Assistance.Domain.LifeEvents;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Npgsql;

public sealed class LifeEventRepository(DbSession session, TimeProvider clock, DomainEventCollector events) : ILifeEventRepository
{
    private const string Columns = """
        id AS Id, region_code AS RegionCode, agency AS Agency, external_id AS ExternalId, type AS Type, id_number AS IdNumber, occurred_on AS OccurredOn,
        received_on AS ReceivedOn, status AS Status, household_id AS HouseholdId, member_id AS MemberId, new_person::text AS NewPerson, note AS Note,
        request_hash AS RequestHash, first_response::text AS FirstResponse, effects::text AS Effects, version AS Version
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task LockPartnerIdAsync(RegionScope scope, string agency, string externalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended('life-event|' || @agency || '|' || @externalId, 0))",
            new { agency, externalId }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public Task<StoredLifeEvent?> FindByPartnerIdAsync(RegionScope scope, string agency, string externalId, CancellationToken cancellationToken) =>
        SingleAsync(scope, "agency = @agency AND external_id = @externalId", new { agency, externalId, prefix = scope?.Prefix }, cancellationToken);

    public Task<StoredLifeEvent?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken) =>
        SingleAsync(scope, "id = @id", new { id, prefix = scope?.Prefix }, cancellationToken);

    public async Task AddAsync(RegionScope scope, LifeEvent lifeEvent, string requestHash, string recordedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(lifeEvent);
        scope.Require(lifeEvent.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO life_events (id, region_code, agency, external_id, type, id_number, occurred_on, received_on, status, household_id, member_id,
                                         new_person, note, request_hash, recorded_by, version, created_at, updated_at)
                VALUES (@Id, @RegionCode, @Agency, @ExternalId, @Type, @IdNumber, @OccurredOn, @ReceivedOn, @Status, @HouseholdId, @MemberId,
                        @NewPerson::jsonb, @Note, @requestHash, @recordedBy, 1, @now, @now)
                """,
                new
                {
                    lifeEvent.Id,
                    RegionCode = lifeEvent.Region.Value,
                    lifeEvent.Agency,
                    lifeEvent.ExternalId,
                    Type = lifeEvent.Type.ToString(),
                    lifeEvent.IdNumber,
                    lifeEvent.OccurredOn,
                    lifeEvent.ReceivedOn,
                    Status = lifeEvent.Status.ToString(),
                    lifeEvent.HouseholdId,
                    lifeEvent.MemberId,
                    NewPerson = lifeEvent.NewPerson is null ? null : JsonSerializer.Serialize(lifeEvent.NewPerson, Json),
                    lifeEvent.Note,
                    requestHash,
                    recordedBy,
                    now,
                },
                session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Only possible when the first event lies outside the caller's region (the lock and lookup saw nothing).
            throw Application.LifeEvents.ReceiveLifeEvent.ReceiveLifeEventHandler.IdReused();
        }

        lifeEvent.SetVersion(1);
        events.Collect(lifeEvent);
    }

    public async Task SaveAsync(RegionScope scope, LifeEvent lifeEvent, string? effectsJson, string? firstResponseJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(lifeEvent);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            UPDATE life_events
            SET status = @status, effects = coalesce(@effects::jsonb, effects), first_response = coalesce(first_response, @firstResponse::jsonb),
                version = version + 1, updated_at = @now
            WHERE id = @id AND starts_with(region_code, @prefix)
            RETURNING version
            """,
            new { id = lifeEvent.Id, status = lifeEvent.Status.ToString(), effects = effectsJson, firstResponse = firstResponseJson, now = clock.GetUtcNow(), prefix = scope.Prefix },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        lifeEvent.SetVersion(version);
        events.Collect(lifeEvent);
    }

    public async Task<IReadOnlyList<StoredLifeEvent>> ListAsync(
        RegionScope scope, LifeEventStatus? status, LifeEventType? type, Guid? afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM life_events
            WHERE starts_with(region_code, @prefix)
              AND (@status::text IS NULL OR status = @status)
              AND (@type::text IS NULL OR type = @type)
              AND (@afterId::uuid IS NULL OR id > @afterId)
            ORDER BY id
            LIMIT @limit
            """,
            new { prefix = scope.Prefix, status = status?.ToString(), type = type?.ToString(), afterId, limit },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(ToStored).ToList();
    }

    private async Task<StoredLifeEvent?> SingleAsync(RegionScope scope, string where, object parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM life_events WHERE {where} AND starts_with(region_code, @prefix)", parameters, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    private static StoredLifeEvent ToStored(Row r) => new(
        LifeEvent.Restore(new LifeEventState
        {
            Id = r.Id,
            RegionCode = r.RegionCode,
            Agency = r.Agency,
            ExternalId = r.ExternalId,
            Type = Enum.Parse<LifeEventType>(r.Type),
            IdNumber = r.IdNumber,
            OccurredOn = r.OccurredOn,
            ReceivedOn = r.ReceivedOn,
            Status = Enum.Parse<LifeEventStatus>(r.Status),
            HouseholdId = r.HouseholdId,
            MemberId = r.MemberId,
            NewPerson = r.NewPerson is null ? null : JsonSerializer.Deserialize<NewPerson>(r.NewPerson, Json),
            Note = r.Note,
            Version = r.Version,
        }),
        r.RequestHash,
        r.FirstResponse,
        r.Effects);

    private sealed class Row
    {
        public Guid Id { get; init; }

        public string RegionCode { get; init; } = string.Empty;

        public string Agency { get; init; } = string.Empty;

        public string ExternalId { get; init; } = string.Empty;

        public string Type { get; init; } = string.Empty;

        public string IdNumber { get; init; } = string.Empty;

        public DateOnly OccurredOn { get; init; }

        public DateOnly ReceivedOn { get; init; }

        public string Status { get; init; } = string.Empty;

        public Guid? HouseholdId { get; init; }

        public Guid? MemberId { get; init; }

        public string? NewPerson { get; init; }

        public string? Note { get; init; }

        public string RequestHash { get; init; } = string.Empty;

        public string? FirstResponse { get; init; }

        public string? Effects { get; init; }

        public long Version { get; init; }
    }
}
