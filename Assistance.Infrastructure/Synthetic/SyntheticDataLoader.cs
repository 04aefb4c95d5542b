namespace Assistance.Infrastructure.Synthetic;

using System.Diagnostics;
using System.Globalization;
using Assistance.Domain.Applications;
using Assistance.Infrastructure.Workflow;
using Dapper;
using Npgsql;
using NpgsqlTypes;

/// <summary>What one load wrote.</summary>
public sealed record SyntheticLoadSummary(int Households, int Members, int Enrolments, int TekunEnrolments, int CareAgreements, TimeSpan Elapsed);

/// <summary>
/// Loads synthetic enrolled households through Npgsql binary COPY (<c>BeginBinaryImport</c>), in batches of one
/// transaction each: households, members, incomes, the approved application each enrolment rests on, the enrolment, its
/// covered persons and, for decentralized tekun persons, a care agreement. The rows have the columns and JSON shapes the
/// repositories write (HouseholdSql, ApplicationRepository, EnrolmentRepository, CareAgreementRepository), so the API
/// reads them like any other. Runs as the owner with the national scope. Tables under forced row-level security refuse
/// COPY FROM for a role the policies apply to: such a role copies into temporary tables and inserts from there.
/// </summary>
public sealed class SyntheticDataLoader(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int DefaultBatchSize = 20_000;

    public async Task<SyntheticLoadSummary> LoadAsync(int households, int seed, DateOnly today, CancellationToken cancellationToken, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(households);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var stopwatch = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("SELECT set_config('assistance.region_prefix', '*', false)", cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var direct = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", cancellationToken: cancellationToken)).ConfigureAwait(false);

        var generator = new SyntheticHouseholds(seed, today);
        foreach (var existing in await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id_number FROM household_members", cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            if (existing.Length == 18 && long.TryParse(existing.AsSpan(0, 17), NumberStyles.None, CultureInfo.InvariantCulture, out var body))
            {
                generator.Taken.Add(body);
            }
        }

        int members = 0, tekun = 0, agreements = 0;
        var now = clock.GetUtcNow();
        for (var done = 0; done < households; done += batchSize)
        {
            var batch = new List<SyntheticHousehold>(Math.Min(batchSize, households - done));
            for (var i = 0; i < batch.Capacity; i++)
            {
                batch.Add(generator.Next());
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var copier = new Copier(connection, direct);
            await WriteBatchAsync(copier, batch, now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            members += batch.Sum(h => h.Members.Count);
            tekun += batch.Count(h => h.Enrolment.Programme == Programme.Tekun);
            agreements += batch.Count(h => h.CareAgreement is not null);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "ANALYZE households; ANALYZE household_members; ANALYZE enrolments; ANALYZE enrolment_persons; ANALYZE care_agreements; ANALYZE applications",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new SyntheticLoadSummary(households, members, households, tekun, agreements, stopwatch.Elapsed);
    }

    /// <summary>Writes households made by hand (tests build exact cases with <see cref="SyntheticHousehold"/>) in one transaction.</summary>
    public async Task WriteAsync(IReadOnlyList<SyntheticHousehold> households, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(households);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("SELECT set_config('assistance.region_prefix', '*', false)", cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var direct = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", cancellationToken: cancellationToken)).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await WriteBatchAsync(new Copier(connection, direct), [.. households], clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteBatchAsync(Copier copier, List<SyntheticHousehold> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await copier.CopyAsync(
            "households",
            "id, region_code, residence, address, financial_assets, motor_vehicles, monthly_rigid_expenditure, version, created_at, updated_at",
            batch,
            async (w, h, ct) =>
            {
                await w.WriteAsync(h.Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(h.RegionCode, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await w.WriteAsync(h.Residence.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(h.Address, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(h.FinancialAssets, NpgsqlDbType.Numeric, ct).ConfigureAwait(false);
                await w.WriteAsync(0, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(h.MonthlyRigidExpenditure, NpgsqlDbType.Numeric, ct).ConfigureAwait(false);
                await w.WriteAsync(1L, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        var members = batch.SelectMany(h => h.Members.Select(m => (Household: h, Member: m))).ToList();
        await copier.CopyAsync(
            "household_members",
            "id, household_id, region_code, position, id_number, name, relationship, birth_date, sex, status, labor_capacity, disability_category, " +
            "disability_grade, serious_illness, self_care, in_school, employed, has_capable_supporter",
            members,
            async (w, x, ct) =>
            {
                var m = x.Member;
                await w.WriteAsync(m.Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(x.Household.Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(x.Household.RegionCode, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await w.WriteAsync(m.Position, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(m.IdNumber, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await w.WriteAsync(m.Name, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(m.Relationship.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(m.BirthDate, NpgsqlDbType.Date, ct).ConfigureAwait(false);
                await w.WriteAsync(m.Sex.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync("Present", NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(m.LaborCapacity.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteNullableAsync(w, m.DisabilityCategory?.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteNullableAsync(w, m.DisabilityGrade, NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
                await w.WriteAsync(m.SeriousIllness, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
                await w.WriteAsync(m.SelfCare.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(m.InSchool, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
                await w.WriteAsync(m.Employed, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
                await w.WriteAsync(false, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        var incomes = members.SelectMany(x => x.Member.Incomes.Select((i, position) => (x.Household.RegionCode, MemberId: x.Member.Id, Position: position, Income: i))).ToList();
        await copier.CopyAsync(
            "member_incomes",
            "member_id, region_code, position, income_type, monthly_amount, unstable",
            incomes,
            async (w, x, ct) =>
            {
                await w.WriteAsync(x.MemberId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(x.RegionCode, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await w.WriteAsync(x.Position, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(x.Income.Type.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(x.Income.Amount, NpgsqlDbType.Numeric, ct).ConfigureAwait(false);
                await w.WriteAsync(x.Income.Unstable, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        await copier.CopyAsync(
            "applications",
            "id, region_code, household_id, applicant_member_id, programme, channel, status, conflict_of_interest, random_check_selected, submitted_on, " +
            "state, assessment, version, created_at, updated_at",
            batch,
            async (w, h, ct) =>
            {
                var e = h.Enrolment;
                var submittedOn = e.ApprovedOn.AddDays(-30);
                await w.WriteAsync(e.ApplicationId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(h.RegionCode, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await w.WriteAsync(h.Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(h.Members[0].Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(e.Programme.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(nameof(ApplicationChannel.Window), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(nameof(ApplicationStatus.Enrolled), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(false, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
                await w.WriteAsync(false, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
                await w.WriteAsync(submittedOn, NpgsqlDbType.Date, ct).ConfigureAwait(false);
                await w.WriteAsync(ApplicationStateJson(h, submittedOn), NpgsqlDbType.Jsonb, ct).ConfigureAwait(false);
                await w.WriteNullAsync(ct).ConfigureAwait(false);
                await w.WriteAsync(1L, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        await copier.CopyAsync(
            "enrolments",
            "id, region_code, application_id, programme, household_id, person_member_id, monthly_amount, dibao_class, review_interval_months, " +
            "next_review_on, start_month, status, care_setting, approved_on, ended_on, basis, version, created_at, updated_at",
            batch,
            async (w, h, ct) =>
            {
                var e = h.Enrolment;
                await w.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(h.RegionCode, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await w.WriteAsync(e.ApplicationId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(e.Programme.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(h.Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await WriteNullableAsync(w, e.PersonMemberId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(e.MonthlyAmount, NpgsqlDbType.Numeric, ct).ConfigureAwait(false);
                await WriteNullableAsync(w, e.DibaoClass, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteNullableAsync(w, e.ReviewIntervalMonths, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await WriteNullableAsync(w, e.NextReviewOn, NpgsqlDbType.Date, ct).ConfigureAwait(false);
                await w.WriteAsync(e.StartMonth, NpgsqlDbType.Date, ct).ConfigureAwait(false);
                await w.WriteAsync("Active", NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteNullableAsync(w, e.CareSetting?.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(e.ApprovedOn, NpgsqlDbType.Date, ct).ConfigureAwait(false);
                await w.WriteNullAsync(ct).ConfigureAwait(false);
                await w.WriteNullAsync(ct).ConfigureAwait(false);
                await w.WriteAsync(1L, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        var persons = batch.SelectMany(h => h.Enrolment.Covered.Select(m => (Household: h, Member: m))).ToList();
        await copier.CopyAsync(
            "enrolment_persons",
            "enrolment_id, region_code, member_id, id_number, programme, household_id, active",
            persons,
            async (w, x, ct) =>
            {
                await w.WriteAsync(x.Household.Enrolment.Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(x.Household.RegionCode, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await w.WriteAsync(x.Member.Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(x.Member.IdNumber, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await w.WriteAsync(x.Household.Enrolment.Programme.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(x.Household.Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(true, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        var agreements = batch.Where(h => h.CareAgreement is not null).ToList();
        await copier.CopyAsync(
            "care_agreements",
            "id, region_code, enrolment_id, carer_name, carer_phone, duties, visit_frequency_days, starts_on, last_visit_on, version, created_at",
            agreements,
            async (w, h, ct) =>
            {
                var a = h.CareAgreement!;
                await w.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(h.RegionCode, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await w.WriteAsync(a.EnrolmentId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(a.CarerName, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteNullAsync(ct).ConfigureAwait(false);
                await w.WriteAsync("日常看护、代购生活用品、陪同就医", NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(a.VisitFrequencyDays, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(a.StartsOn, NpgsqlDbType.Date, ct).ConfigureAwait(false);
                await WriteNullableAsync(w, a.LastVisitOn, NpgsqlDbType.Date, ct).ConfigureAwait(false);
                await w.WriteAsync(1L, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored record of an application that was approved and enrolled (the shape ApplicationRepository writes).</summary>
    private static string ApplicationStateJson(SyntheticHousehold h, DateOnly submittedOn)
    {
        var e = h.Enrolment;
        return WorkflowJson.Serialize(new ApplicationState
        {
            Id = e.ApplicationId,
            RegionCode = h.RegionCode,
            HouseholdId = h.Id,
            ApplicantMemberId = h.Members[0].Id,
            Programme = e.Programme,
            Channel = ApplicationChannel.Window,
            SignedCommitment = true,
            SubmittedOn = submittedOn,
            Status = ApplicationStatus.Enrolled,
            Version = 1,
            AcceptedOn = submittedOn,
            Decision = new Decision(DecisionKind.Approve, e.ApprovedOn, "synthetic data", "synthetic-data"),
            EnrolmentIds = [e.Id],
        });
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? writer.WriteAsync(v, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);

    /// <summary>Binary COPY into the table, or into a temporary twin and then INSERT … SELECT where row-level security applies.</summary>
    private sealed class Copier(NpgsqlConnection connection, bool direct)
    {
        private readonly HashSet<string> staged = [];

        public async Task CopyAsync<T>(
            string table, string columns, IReadOnlyList<T> rows, Func<NpgsqlBinaryImporter, T, CancellationToken, Task> write, CancellationToken cancellationToken)
        {
            if (rows.Count == 0)
            {
                return;
            }

            var target = direct ? table : "synthetic_stage_" + table;
            if (!direct && staged.Add(table))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"CREATE TEMP TABLE IF NOT EXISTS {target} (LIKE {table}) ON COMMIT DELETE ROWS", cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            await using (var writer = await connection.BeginBinaryImportAsync($"COPY {target} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
            {
                foreach (var row in rows)
                {
                    await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await write(writer, row, cancellationToken).ConfigureAwait(false);
                }

                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!direct)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO {table} ({columns}) SELECT {columns} FROM {target}; TRUNCATE {target}", cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }
    }
}
