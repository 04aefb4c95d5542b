namespace Assistance.Infrastructure.Queries;

using Assistance.Application.Abstractions;
using Assistance.Application.Assessments.AssessStoredHousehold;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;

/// <summary>Reads a stored household into the engine's input in one round trip (three result sets).</summary>
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
            """,
            new { householdId, prefix = scope.Prefix },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        var household = await results.ReadSingleOrDefaultAsync<HouseholdRow>().ConfigureAwait(false);
        if (household is null)
        {
            return null;
        }

        var members = (await results.ReadAsync<MemberRow>().ConfigureAwait(false)).ToList();
        var incomes = (await results.ReadAsync<IncomeRow>().ConfigureAwait(false)).ToLookup(i => i.member_id);
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
#pragma warning restore IDE1006, CA1707, SA1300
}
