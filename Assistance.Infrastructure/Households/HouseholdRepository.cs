namespace Assistance.Infrastructure.Households;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Households;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;

/// <summary>Household writes in the command's transaction (unit of work).</summary>
public sealed class HouseholdRepository(DbSession session, Application.Events.DomainEventCollector events) : IHouseholdRepository
{
    private const string MembersSavepoint = "household_members_write";

    public async Task<Household?> GetForUpdateAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await HouseholdSql.LoadAsync(
            connection, session.Transaction, "WHERE id = @id AND starts_with(region_code, @prefix) FOR UPDATE", new { id, prefix = scope.Prefix }, cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task AddAsync(RegionScope scope, Household household, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(household);
        scope.Require(household.Region);
        var (connection, transaction) = await ActiveAsync(cancellationToken).ConfigureAwait(false);
        await HouseholdSql.InsertHouseholdAsync(connection, transaction, household, cancellationToken).ConfigureAwait(false);
        await WriteMembersAsync(connection, transaction, household, cancellationToken).ConfigureAwait(false);
        household.MarkSaved(household.Version, household.UpdatedAt);
        events.Collect(household);
    }

    public async Task UpdateAsync(RegionScope scope, Household household, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(household);
        scope.Require(household.Region);
        var (connection, transaction) = await ActiveAsync(cancellationToken).ConfigureAwait(false);

        // The version check is in the UPDATE itself: a concurrent change that committed first makes it match no row.
        var newVersion = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE households
            SET region_code = @regionCode, residence = @residence, address = @address, financial_assets = @financial,
                motor_vehicles = @motorVehicles, monthly_rigid_expenditure = @rigid, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @expected AND starts_with(region_code, @prefix)
            RETURNING version
            """,
            HouseholdSql.Fields(household, new { expected = household.Version, now, prefix = scope.Prefix }),
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (newVersion is null)
        {
            var actual = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT version FROM households WHERE id = @id", new { id = household.Id }, transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            throw new VersionMismatchException(HouseholdRegistration.EntityType, household.Version, actual ?? 0);
        }

        await WriteMembersAsync(connection, transaction, household, cancellationToken).ConfigureAwait(false);
        household.MarkSaved(newVersion.Value, now);
        events.Collect(household);
    }

    public async Task<IReadOnlyList<IdNumberHolder>> FindHoldersAsync(
        IReadOnlyCollection<string> idNumbers, Guid? exceptHousehold, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string IdNumber, Guid HouseholdId, string RegionCode)>(new CommandDefinition(
            "SELECT id_number, household_id, region_code FROM id_number_holders(@idNumbers, @exceptHousehold)",
            new { idNumbers = idNumbers.ToArray(), exceptHousehold },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new IdNumberHolder(r.IdNumber, r.HouseholdId, RegionCode.Parse(r.RegionCode))).ToList();
    }

    /// <summary>
    /// Member writes run under a savepoint: when the unique index reports an ID number taken by a concurrent
    /// transaction, only these writes are undone and the unit of work can still ask who holds the number.
    /// </summary>
    private static async Task WriteMembersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Household household, CancellationToken cancellationToken)
    {
        await transaction.SaveAsync(MembersSavepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            await HouseholdSql.WriteMembersAsync(connection, transaction, household, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == HouseholdSql.IdNumberIndex)
        {
            await transaction.RollbackAsync(MembersSavepoint, cancellationToken).ConfigureAwait(false);
            throw new MemberIdNumberTakenException();
        }

        await transaction.ReleaseAsync(MembersSavepoint, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> ActiveAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var transaction = session.Transaction ?? throw new InvalidOperationException("Household writes need a unit of work.");
        return (connection, transaction);
    }
}

/// <summary>Household reads for queries (no transaction; the request's connection).</summary>
public sealed class HouseholdQueries(DbSession session) : IHouseholdQueries
{
    public async Task<Household?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (connection, transaction, regionPrefixToSet) = await session.BatchedReadAsync(cancellationToken).ConfigureAwait(false);
        return await HouseholdSql.LoadOneAsync(connection, transaction, regionPrefixToSet, id, scope.Prefix, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Household>> ListAsync(RegionScope scope, Guid? afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await HouseholdSql.LoadAsync(
            connection,
            session.Transaction,
            """
            WHERE region_code LIKE @prefix AND (@afterId::uuid IS NULL OR id > @afterId)
            ORDER BY id
            LIMIT @limit
            """,
            new { prefix = scope.Prefix + "%", afterId, limit },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<Guid?> FindHouseholdIdByIdNumberAsync(RegionScope scope, string idNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT household_id FROM household_members WHERE id_number = @idNumber AND starts_with(region_code, @prefix)",
            new { idNumber, prefix = scope.Prefix },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
