namespace Assistance.Infrastructure.Households;

using Assistance.Application.Abstractions;
using Assistance.Application.Households;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using NpgsqlTypes;

/// <summary>
/// The bulk path of the household register. PostgreSQL refuses COPY into a table with row-level security for a role
/// the policies apply to, so the rows are streamed with binary COPY into a temporary staging table (one row per
/// member, the household's fields on its first member, incomes as arrays; no WAL, no indexes) and moved into the
/// register with three INSERT … SELECT statements that the region policies check row by row. All in the command's
/// transaction: the staging table is dropped at its end, and a refused import leaves nothing behind.
/// </summary>
public sealed class HouseholdImportWriter(DbSession session) : IHouseholdImportWriter
{
    public async Task<IHouseholdImportBatch> BeginAsync(RegionScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var transaction = session.Transaction ?? throw new InvalidOperationException("An import needs a unit of work.");
        await connection.ExecuteAsync(new CommandDefinition(HouseholdImportSql.CreateStaging, transaction: transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var copy = await connection.BeginRawBinaryCopyAsync(HouseholdImportSql.CopyStaging, cancellationToken).ConfigureAwait(false);
        copy.WriteTimeout = Timeout.Infinite;
        await copy.WriteAsync(StagingRowEncoder.Header, cancellationToken).ConfigureAwait(false);
        return new Batch(connection, transaction, copy, scope);
    }

    private sealed class Batch(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlRawCopyStream copy, RegionScope scope)
        : IHouseholdImportBatch
    {
        private const string Savepoint = "household_import_write";
        private bool copying = true;

        public ReadOnlyMemory<byte> Encode(Household household, int line) => StagingRowEncoder.Encode(household, line);

        public ValueTask AddAsync(Household household, ReadOnlyMemory<byte> rows, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(household);
            scope.Require(household.Region);
            return copy.WriteAsync(rows, cancellationToken);
        }

        public async Task<HouseholdImportOutcome> CompleteAsync(DateTimeOffset now, int maxListed, CancellationToken cancellationToken)
        {
            await copy.WriteAsync(StagingRowEncoder.Trailer, cancellationToken).ConfigureAwait(false);
            copying = false;
            await copy.DisposeAsync().ConfigureAwait(false);

            var unknown = (await connection.QueryAsync<(int Line, string RegionCode)>(new CommandDefinition(
                HouseholdImportSql.UnknownRegions, new { maxListed }, transaction, HouseholdImportSql.NoTimeout, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            if (unknown.Count > 0)
            {
                return new HouseholdImportOutcome(0, 0, 0, unknown, []);
            }

            await transaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            try
            {
                var households = await connection.ExecuteAsync(new CommandDefinition(
                    HouseholdImportSql.InsertHouseholds, new { now }, transaction, commandTimeout: HouseholdImportSql.NoTimeout, cancellationToken: cancellationToken)).ConfigureAwait(false);
                var members = await connection.ExecuteAsync(new CommandDefinition(
                    HouseholdImportSql.InsertMembers, transaction: transaction, commandTimeout: HouseholdImportSql.NoTimeout, cancellationToken: cancellationToken)).ConfigureAwait(false);
                var incomes = await connection.ExecuteAsync(new CommandDefinition(
                    HouseholdImportSql.InsertIncomes, transaction: transaction, commandTimeout: HouseholdImportSql.NoTimeout, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
                return new HouseholdImportOutcome(households, members, incomes, [], []);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == HouseholdSql.IdNumberIndex)
            {
                // the unique index is the set-based check against the register; only now is it worth asking
                // which lines hold the numbers (ids and region codes only, through the definer function of 0025).
                await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
                var holders = await connection.QueryAsync<(int Line, string IdNumber, Guid HouseholdId, string RegionCode)>(new CommandDefinition(
                    HouseholdImportSql.Holders, new { maxListed }, transaction, HouseholdImportSql.NoTimeout, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return new HouseholdImportOutcome(0, 0, 0, [],
                    holders.Select(h => new ImportedIdNumberHolder(h.Line, new IdNumberHolder(h.IdNumber, h.HouseholdId, RegionCode.Parse(h.RegionCode)))).ToList());
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (copying)
            {
                // Not completed: the COPY is cancelled; the unit of work then rolls the transaction back.
                copying = false;
                try
                {
                    await copy.CancelAsync().ConfigureAwait(false);
                    await copy.DisposeAsync().ConfigureAwait(false);
                }
                catch (NpgsqlException)
                {
                    // The cancelled COPY reports itself as an error; the transaction is rolled back anyway.
                }
            }
        }
    }
}

/// <summary>The SQL of the import path: staging table, its COPY, the moves into the register and the R-22 diagnosis.</summary>
internal static class HouseholdImportSql
{
    /// <summary>
    /// A large import's statements run for minutes: no command timeout (the general one is 30 s); the request's
    /// cancellation still stops them.
    /// </summary>
    public const int NoTimeout = 0;

    public const string CreateStaging =
        """
        CREATE TEMP TABLE household_import_rows (
            line integer NOT NULL, household_id uuid NOT NULL, region_code varchar(12) NOT NULL, position integer NOT NULL,
            residence text, address text, financial_assets_fen bigint, motor_vehicles integer, monthly_rigid_expenditure_fen bigint,
            member_id uuid NOT NULL, id_number varchar(18) NOT NULL, name text NOT NULL, relationship text NOT NULL, birth_date date NOT NULL,
            sex text NOT NULL, status text NOT NULL, labor_capacity text NOT NULL, disability_category text, disability_grade smallint,
            serious_illness boolean NOT NULL, self_care text NOT NULL, in_school boolean NOT NULL, employed boolean NOT NULL,
            has_capable_supporter boolean NOT NULL, income_types text[], income_amounts_fen bigint[], income_unstable boolean[]
        ) ON COMMIT DROP
        """;

    public const string CopyStaging =
        """
        COPY household_import_rows (line, household_id, region_code, position, residence, address, financial_assets_fen, motor_vehicles,
            monthly_rigid_expenditure_fen, member_id, id_number, name, relationship, birth_date, sex, status, labor_capacity,
            disability_category, disability_grade, serious_illness, self_care, in_school, employed, has_capable_supporter,
            income_types, income_amounts_fen, income_unstable) FROM STDIN (FORMAT BINARY)
        """;

    public const string UnknownRegions =
        """
        SELECT r.line, r.region_code::text FROM household_import_rows r
        WHERE r.position = 0 AND NOT EXISTS (SELECT 1 FROM regions g WHERE g.code = r.region_code)
        ORDER BY r.line LIMIT @maxListed
        """;

    public const string InsertHouseholds =
        """
        INSERT INTO households (id, region_code, residence, address, financial_assets, motor_vehicles, monthly_rigid_expenditure,
                                version, created_at, updated_at)
        SELECT household_id, region_code, residence, address, financial_assets_fen * 0.01, motor_vehicles, monthly_rigid_expenditure_fen * 0.01,
               1, @now, @now
        FROM household_import_rows WHERE position = 0
        """;

    public const string InsertMembers =
        """
        INSERT INTO household_members (id, household_id, region_code, position, id_number, name, relationship, birth_date, sex, status,
                                       labor_capacity, disability_category, disability_grade, serious_illness, self_care, in_school,
                                       employed, has_capable_supporter)
        SELECT member_id, household_id, region_code, position, id_number, name, relationship, birth_date, sex, status, labor_capacity,
               disability_category, disability_grade, serious_illness, self_care, in_school, employed, has_capable_supporter
        FROM household_import_rows
        """;

    public const string InsertIncomes =
        """
        INSERT INTO member_incomes (member_id, region_code, position, income_type, monthly_amount, unstable)
        SELECT r.member_id, r.region_code, (i.ordinality - 1)::integer, i.income_type, i.amount_fen * 0.01, i.unstable
        FROM household_import_rows r
        CROSS JOIN LATERAL unnest(r.income_types, r.income_amounts_fen, r.income_unstable) WITH ORDINALITY AS i(income_type, amount_fen, unstable, ordinality)
        WHERE r.income_types IS NOT NULL
        """;

    public const string Holders =
        """
        SELECT r.line, h.id_number, h.household_id, h.region_code
        FROM id_number_holders((SELECT array_agg(id_number::text) FROM household_import_rows), NULL) h
        JOIN household_import_rows r ON r.id_number = h.id_number
        ORDER BY r.line, r.position LIMIT @maxListed
        """;
}
