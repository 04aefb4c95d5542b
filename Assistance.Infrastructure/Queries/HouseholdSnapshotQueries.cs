namespace Assistance.Infrastructure.Queries;

using Assistance.Application.Abstractions;
using Assistance.Application.Assessments.AssessStoredHousehold;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Assistance.Application.Assessments;

/// <summary>
/// Reads a stored household into the engine's input in one round trip (four result sets). Each member's
/// <c>TekunSince</c> (R-34) is the approval date of their tekun enrolment that is not ended and was approved by the
/// assessment date.
/// </summary>
public sealed class HouseholdSnapshotQueries(DbSession session) : IHouseholdSnapshotQueries
{
    public async Task<AssessmentInput?> GetAsync(RegionScope scope, Guid householdId, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT region_code, residence, financial_assets, motor_vehicles, monthly_rigid_expenditure
            FROM households WHERE id = @householdId AND starts_with(region_code, @prefix);

            SELECT id, id_number, birth_date, status, labor_capacity, disability_category, disability_grade,
                   serious_illness, self_care, in_school, employed, has_capable_supporter
            FROM household_members WHERE household_id = @householdId AND starts_with(region_code, @prefix) ORDER BY position;

            SELECT i.member_id, i.income_type, i.monthly_amount, i.unstable
            FROM member_incomes i JOIN household_members m ON m.id = i.member_id
            WHERE m.household_id = @householdId AND starts_with(m.region_code, @prefix) ORDER BY i.member_id, i.position;

            SELECT person_member_id AS member_id, min(approved_on) AS since
            FROM enrolments
            WHERE household_id = @householdId AND starts_with(region_code, @prefix) AND programme = 'Tekun' AND status <> 'Ended' AND approved_on <= @asOf
            GROUP BY person_member_id;
            """,
            new { householdId, asOf, prefix = scope.Prefix },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        var household = await results.ReadSingleOrDefaultAsync<HouseholdRow>().ConfigureAwait(false);
        if (household is null)
        {
            return null;
        }

        var members = (await results.ReadAsync<MemberRow>().ConfigureAwait(false)).ToList();
        var incomes = (await results.ReadAsync<IncomeRow>().ConfigureAwait(false)).ToLookup(i => i.member_id);
        var tekunSince = (await results.ReadAsync<TekunRow>().ConfigureAwait(false)).ToDictionary(t => t.member_id, t => t.since);
        return new AssessmentInput
        {
            Region = RegionCode.Parse(household.region_code),
            AsOf = asOf,
            Residence = Enum.Parse<ResidenceType>(household.residence),
            Assets = new HouseholdAssets(household.financial_assets, household.motor_vehicles),
            MonthlyRigidExpenditure = household.monthly_rigid_expenditure,
            Members = members.Select(m => new MemberInput
            {
                IdNumber = m.id_number,
                BirthDate = m.birth_date,
                Status = Enum.Parse<MemberStatus>(m.status),
                LaborCapacity = Enum.Parse<LaborCapacity>(m.labor_capacity),
                Disability = m.disability_category is { } category && m.disability_grade is { } grade
                    ? new Disability(Enum.Parse<DisabilityCategory>(category), grade)
                    : null,
                SeriousIllness = m.serious_illness,
                SelfCare = Enum.Parse<SelfCareLevel>(m.self_care),
                InSchool = m.in_school,
                Employed = m.employed,
                HasCapableSupporter = m.has_capable_supporter,
                TekunSince = tekunSince.TryGetValue(m.id, out var since) ? since : null,
                Incomes = incomes[m.id].Select(i => new IncomeItem(Enum.Parse<IncomeType>(i.income_type), i.monthly_amount, i.unstable)).ToList(),
            }).ToList(),
        };
    }

#pragma warning disable IDE1006, CA1707, SA1300 // Dapper maps snake_case columns to these names.
    private sealed record HouseholdRow(string region_code, string residence, decimal financial_assets, int motor_vehicles, decimal monthly_rigid_expenditure);

    private sealed record MemberRow(
        Guid id, string id_number, DateOnly birth_date, string status, string labor_capacity, string? disability_category, short? disability_grade,
        bool serious_illness, string self_care, bool in_school, bool employed, bool has_capable_supporter);

    private sealed record IncomeRow(Guid member_id, string income_type, decimal monthly_amount, bool unstable);

    private sealed record TekunRow(Guid member_id, DateOnly since);
#pragma warning restore IDE1006, CA1707, SA1300
}
