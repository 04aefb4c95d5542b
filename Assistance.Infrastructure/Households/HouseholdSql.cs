namespace Assistance.Infrastructure.Households;

using System.Text.Json;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using Dapper;
using Npgsql;

/// <summary>
/// The SQL of the household register (tables of 0001_core.sql). Members and incomes are written set-based: one
/// statement each, rows passed as a jsonb array (<c>jsonb_to_recordset</c>), whatever the household's size.
/// </summary>
internal static class HouseholdSql
{
    public const string IdNumberIndex = "ux_household_members_id_number";

    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<IReadOnlyList<Household>> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string whereClause, object parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<HouseholdRow>(new CommandDefinition(
            $"""
            SELECT id, region_code, residence, address, financial_assets, motor_vehicles, monthly_rigid_expenditure,
                   version, created_at, updated_at
            FROM households
            {whereClause}
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.id).ToArray();
        var members = (await connection.QueryAsync<MemberRow>(new CommandDefinition(
            """
            SELECT id, household_id, id_number, name, relationship, status, labor_capacity, disability_category,
                   disability_grade, serious_illness, self_care, in_school, employed, has_capable_supporter
            FROM household_members
            WHERE household_id = ANY(@ids)
            ORDER BY household_id, position
            """,
            new { ids },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var incomes = (await connection.QueryAsync<IncomeRow>(new CommandDefinition(
            """
            SELECT i.member_id, i.income_type, i.monthly_amount, i.unstable
            FROM member_incomes i
            JOIN household_members m ON m.id = i.member_id
            WHERE m.household_id = ANY(@ids)
            ORDER BY i.member_id, i.position
            """,
            new { ids },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToLookup(i => i.member_id);
        return Map(rows, members, incomes);
    }

    /// <summary>
    /// One household by id within a region prefix: the three reads in one round trip (the GET path; the profile of
    /// GET /households/{id} was round trips, docs/benchmarks.md).
    /// </summary>
    /// <remarks>
    /// With <paramref name="regionPrefixToSet"/> (no transaction open) the batch starts by setting the row-level
    /// security prefix itself, in the implicit transaction PostgreSQL gives the batch (see DbSession.BatchedReadAsync).
    /// </remarks>
    public static async Task<Household?> LoadOneAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string? regionPrefixToSet, Guid id, string prefix, CancellationToken cancellationToken)
    {
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(
            (regionPrefixToSet is null ? string.Empty : "SELECT set_config('assistance.region_prefix', @regionPrefixToSet, true);\n") +
            """
            SELECT id, region_code, residence, address, financial_assets, motor_vehicles, monthly_rigid_expenditure,
                   version, created_at, updated_at
            FROM households
            WHERE id = @id AND starts_with(region_code, @prefix);
            SELECT m.id, m.household_id, m.id_number, m.name, m.relationship, m.status, m.labor_capacity, m.disability_category,
                   m.disability_grade, m.serious_illness, m.self_care, m.in_school, m.employed, m.has_capable_supporter
            FROM household_members m JOIN households h ON h.id = m.household_id
            WHERE m.household_id = @id AND starts_with(h.region_code, @prefix)
            ORDER BY m.position;
            SELECT i.member_id, i.income_type, i.monthly_amount, i.unstable
            FROM member_incomes i
            JOIN household_members m ON m.id = i.member_id
            JOIN households h ON h.id = m.household_id
            WHERE m.household_id = @id AND starts_with(h.region_code, @prefix)
            ORDER BY i.member_id, i.position;
            """,
            new { id, prefix, regionPrefixToSet },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (regionPrefixToSet is not null)
        {
            await grid.ReadSingleAsync<string>().ConfigureAwait(false);
        }

        var rows = (await grid.ReadAsync<HouseholdRow>().ConfigureAwait(false)).AsList();
        var members = (await grid.ReadAsync<MemberRow>().ConfigureAwait(false)).AsList();
        var incomes = (await grid.ReadAsync<IncomeRow>().ConfigureAwait(false)).ToLookup(i => i.member_id);
        return rows.Count == 0 ? null : Map(rows, members, incomes)[0];
    }

    private static List<Household> Map(List<HouseholdRow> rows, List<MemberRow> members, ILookup<Guid, IncomeRow> incomes)
    {
        var membersByHousehold = members.ToLookup(m => m.household_id);
        return rows.Select(h => Household.Restore(new HouseholdState(
            h.id,
            RegionCode.Parse(h.region_code),
            Enum.Parse<ResidenceType>(h.residence),
            h.address,
            new AssetHoldings(h.financial_assets, h.motor_vehicles),
            h.monthly_rigid_expenditure,
            h.version,
            Utc(h.created_at),
            Utc(h.updated_at),
            membersByHousehold[h.id].Select(m => (m.id, new MemberDetails(
                NationalId.Parse(m.id_number),
                m.name,
                Enum.Parse<Relationship>(m.relationship),
                Enum.Parse<MemberStatus>(m.status),
                Enum.Parse<LaborCapacity>(m.labor_capacity),
                m.disability_category is { } category ? new Disability(Enum.Parse<DisabilityCategory>(category), m.disability_grade!.Value) : null,
                m.serious_illness,
                Enum.Parse<SelfCareLevel>(m.self_care),
                m.in_school,
                m.employed,
                m.has_capable_supporter,
                incomes[m.id].Select(i => new IncomeItem(Enum.Parse<IncomeType>(i.income_type), i.monthly_amount, i.unstable)).ToList()))).ToList()))).ToList();
    }

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>The household's own columns as parameters (insert and update write the same ones), plus <paramref name="more"/>.</summary>
    public static DynamicParameters Fields(Household household, object more)
    {
        ArgumentNullException.ThrowIfNull(household);
        var parameters = new DynamicParameters(more);
        parameters.AddDynamicParams(new
        {
            id = household.Id,
            regionCode = household.Region.Value,
            residence = household.Residence.ToString(),
            address = household.Address,
            financial = household.Assets.Financial,
            motorVehicles = household.Assets.MotorVehicles,
            rigid = household.MonthlyRigidExpenditure,
        });
        return parameters;
    }

    public static async Task InsertHouseholdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Household household, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO households (id, region_code, residence, address, financial_assets, motor_vehicles,
                                    monthly_rigid_expenditure, version, created_at, updated_at)
            VALUES (@id, @regionCode, @residence, @address, @financial, @motorVehicles, @rigid, @version, @createdAt, @updatedAt)
            """,
            Fields(household, new { version = household.Version, createdAt = household.CreatedAt, updatedAt = household.UpdatedAt }),
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the household's members and incomes: removed members deleted, known ones updated, new ones inserted.
    /// Member rows are updated in place (never deleted and re-inserted) so rows elsewhere may refer to them.
    /// </summary>
    public static async Task WriteMembersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Household household, CancellationToken cancellationToken)
    {
        var memberIds = household.Members.Select(m => m.Id).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM household_members WHERE household_id = @householdId AND NOT (id = ANY(@memberIds))",
            new { householdId = household.Id, memberIds },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        var members = household.Members.Select((m, position) => new MemberJson(
            m.Id,
            position,
            m.IdNumber.Value,
            m.Details.Name,
            m.Details.Relationship.ToString(),
            m.BirthDate,
            m.Sex.ToString(),
            m.Details.Status.ToString(),
            m.Details.LaborCapacity.ToString(),
            m.Details.Disability?.Category.ToString(),
            m.Details.Disability?.Grade,
            m.Details.SeriousIllness,
            m.Details.SelfCare.ToString(),
            m.Details.InSchool,
            m.Details.Employed,
            m.Details.HasCapableSupporter)).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO household_members (id, household_id, region_code, position, id_number, name, relationship, birth_date,
                                           sex, status, labor_capacity, disability_category, disability_grade, serious_illness,
                                           self_care, in_school, employed, has_capable_supporter)
            SELECT m.id, @householdId, @regionCode, m.position, m.id_number, m.name, m.relationship, m.birth_date,
                   m.sex, m.status, m.labor_capacity, m.disability_category, m.disability_grade, m.serious_illness,
                   m.self_care, m.in_school, m.employed, m.has_capable_supporter
            FROM jsonb_to_recordset(@members::jsonb) AS m(
                id uuid, position integer, id_number varchar(18), name text, relationship text, birth_date date, sex text,
                status text, labor_capacity text, disability_category text, disability_grade smallint, serious_illness boolean,
                self_care text, in_school boolean, employed boolean, has_capable_supporter boolean)
            ON CONFLICT (id) DO UPDATE SET
                region_code = EXCLUDED.region_code, position = EXCLUDED.position, id_number = EXCLUDED.id_number,
                name = EXCLUDED.name, relationship = EXCLUDED.relationship, birth_date = EXCLUDED.birth_date,
                sex = EXCLUDED.sex, status = EXCLUDED.status, labor_capacity = EXCLUDED.labor_capacity,
                disability_category = EXCLUDED.disability_category, disability_grade = EXCLUDED.disability_grade,
                serious_illness = EXCLUDED.serious_illness, self_care = EXCLUDED.self_care, in_school = EXCLUDED.in_school,
                employed = EXCLUDED.employed, has_capable_supporter = EXCLUDED.has_capable_supporter
            WHERE household_members.household_id = EXCLUDED.household_id
            """,
            new { householdId = household.Id, regionCode = household.Region.Value, members = JsonSerializer.Serialize(members, RowJson) },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        var incomes = household.Members
            .SelectMany(m => m.Details.Incomes.Select((i, position) => new IncomeJson(m.Id, position, i.Type.ToString(), i.MonthlyAmount, i.Unstable)))
            .ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM member_incomes WHERE member_id = ANY(@memberIds);
            INSERT INTO member_incomes (member_id, region_code, position, income_type, monthly_amount, unstable)
            SELECT i.member_id, @regionCode, i.position, i.income_type, i.monthly_amount, i.unstable
            FROM jsonb_to_recordset(@incomes::jsonb) AS i(member_id uuid, position integer, income_type text, monthly_amount numeric(12,2), unstable boolean);
            """,
            new { memberIds, regionCode = household.Region.Value, incomes = JsonSerializer.Serialize(incomes, RowJson) },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

#pragma warning disable IDE1006, CA1707, SA1300, CA1812 // Dapper maps snake_case columns to these names.
    private sealed record HouseholdRow(
        Guid id, string region_code, string residence, string address, decimal financial_assets, int motor_vehicles,
        decimal monthly_rigid_expenditure, long version, DateTime created_at, DateTime updated_at);

    private sealed record MemberRow(
        Guid id, Guid household_id, string id_number, string name, string relationship, string status, string labor_capacity,
        string? disability_category, short? disability_grade, bool serious_illness, string self_care, bool in_school, bool employed,
        bool has_capable_supporter);

    private sealed record IncomeRow(Guid member_id, string income_type, decimal monthly_amount, bool unstable);
#pragma warning restore IDE1006, CA1707, SA1300, CA1812

    private sealed record MemberJson(
        Guid Id, int Position, string IdNumber, string Name, string Relationship, DateOnly BirthDate, string Sex, string Status,
        string LaborCapacity, string? DisabilityCategory, int? DisabilityGrade, bool SeriousIllness, string SelfCare, bool InSchool,
        bool Employed, bool HasCapableSupporter);

    private sealed record IncomeJson(Guid MemberId, int Position, string IncomeType, decimal MonthlyAmount, bool Unstable);
}
