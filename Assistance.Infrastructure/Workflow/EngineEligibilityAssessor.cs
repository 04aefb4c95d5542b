namespace Assistance.Infrastructure.Workflow;

using Assistance.Application.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;

/// <summary>
/// Parameters from the policy packs shipped with the binary (policy/packs/*.json, embedded), resolved per (region, date)
/// by the engine's <see cref="ParameterResolver"/> (R-02). When parameters move to the database (policy API), this is
/// the one class to replace.
/// </summary>
public sealed class PolicyPackParameters
{
    private static readonly DateTimeOffset PacksRecordedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Lazy<ParameterResolver> resolver = new(Load);

    public ParameterSet Resolve(RegionCode region, DateOnly date) => resolver.Value.ResolveAll(region, date);

    private static ParameterResolver Load()
    {
        var assembly = typeof(PolicyPackParameters).Assembly;
        var packs = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Assistance.PolicyPacks.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return PolicyPackFile.Parse(reader.ReadToEnd(), PacksRecordedAt);
            });
        return new ParameterResolver(packs.SelectMany(p => p.Values));
    }
}

/// <summary>
/// The workflow's port to the eligibility engine: reads the household from the register, resolves the parameters for
/// the application's region on the decision date, runs the pure engine with the trace on, and returns the result with
/// the full trace as JSON (stored with the decision and as the enrolment's basis).
/// </summary>
public sealed class EngineEligibilityAssessor(DbSession session, PolicyPackParameters parameters) : IEligibilityAssessor
{
    public async Task<EligibilityAssessment?> AssessAsync(Guid householdId, RegionCode region, DateOnly asOf, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var household = await connection.QuerySingleOrDefaultAsync<HouseholdRow>(new CommandDefinition(
            """
            SELECT residence AS Residence, financial_assets AS FinancialAssets, motor_vehicles AS MotorVehicles,
                   monthly_rigid_expenditure AS MonthlyRigidExpenditure
            FROM households WHERE id = @householdId
            """,
            new { householdId }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (household is null)
        {
            return null;
        }

        var members = (await connection.QueryAsync<MemberRow>(new CommandDefinition(
            """
            SELECT id AS Id, id_number AS IdNumber, birth_date AS BirthDate, status AS Status, labor_capacity AS LaborCapacity,
                   disability_category AS DisabilityCategory, disability_grade AS DisabilityGrade, serious_illness AS SeriousIllness,
                   self_care AS SelfCare, in_school AS InSchool, employed AS Employed, has_capable_supporter AS HasCapableSupporter
            FROM household_members WHERE household_id = @householdId ORDER BY position
            """,
            new { householdId }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var incomes = (await connection.QueryAsync<IncomeRow>(new CommandDefinition(
            """
            SELECT i.member_id AS MemberId, i.income_type AS IncomeType, i.monthly_amount AS MonthlyAmount, i.unstable AS Unstable
            FROM member_incomes i JOIN household_members m ON m.id = i.member_id
            WHERE m.household_id = @householdId ORDER BY i.member_id, i.position
            """,
            new { householdId }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToLookup(i => i.MemberId);

        var input = new AssessmentInput
        {
            Region = region,
            AsOf = asOf,
            Residence = Enum.Parse<ResidenceType>(household.Residence),
            Assets = new HouseholdAssets(household.FinancialAssets, household.MotorVehicles),
            MonthlyRigidExpenditure = household.MonthlyRigidExpenditure,
            Members = members.Select(m => new MemberInput
            {
                IdNumber = m.IdNumber,
                BirthDate = m.BirthDate,
                Status = Enum.Parse<MemberStatus>(m.Status),
                LaborCapacity = Enum.Parse<LaborCapacity>(m.LaborCapacity),
                Disability = m.DisabilityCategory is null ? null : new Disability(Enum.Parse<DisabilityCategory>(m.DisabilityCategory), m.DisabilityGrade ?? 0),
                SeriousIllness = m.SeriousIllness,
                SelfCare = Enum.Parse<SelfCareLevel>(m.SelfCare),
                InSchool = m.InSchool,
                Employed = m.Employed,
                HasCapableSupporter = m.HasCapableSupporter,
                Incomes = incomes[m.Id].Select(i => new IncomeItem(Enum.Parse<IncomeType>(i.IncomeType), i.MonthlyAmount, i.Unstable)).ToList(),
            }).ToList(),
        };

        AssessmentResult result;
        try
        {
            result = EligibilityEngine.Assess(input, parameters.Resolve(region, asOf), trace: true);
        }
        catch (ParameterNotInForceException ex)
        {
            throw new BusinessRuleViolationException(
                "assessment.parameter-not-in-force",
                $"The household cannot be assessed on {asOf:yyyy-MM-dd}: {ex.Message} Publish the value before deciding.",
                "R-02");
        }

        var json = WorkflowJson.Serialize(new
        {
            result.RegionCode,
            result.AsOf,
            result.Outcome,
            result.MonthlyAmount,
            result.DibaoClass,
            result.Stability,
            result.ReviewIntervalMonths,
            Members = result.Members.Select(m => new
            {
                m.Index,
                MemberId = members[m.Index].Id,
                m.Outcome,
                m.MonthlyAmount,
                m.Counted,
                m.TekunBasic,
                m.TekunCare,
            }),
            Trace = result.Trace.Select(t => new
            {
                t.Rule,
                t.Name,
                t.Source,
                t.Passed,
                t.Detail,
                Parameters = t.Parameters.Select(p => new { p.Key, Value = p.Value.ToClrValue(), p.RegionCode, p.EffectiveFrom, p.Source, p.IsDemo }),
            }),
        });
        return new EligibilityAssessment(
            result.Outcome.ToString(),
            result.MonthlyAmount,
            result.DibaoClass?.ToString(),
            result.ReviewIntervalMonths,
            result.Members.Select(m => new MemberAssessment(members[m.Index].Id, members[m.Index].IdNumber, m.Outcome.ToString(), m.MonthlyAmount)).ToList(),
            json);
    }

    private sealed class HouseholdRow
    {
        public string Residence { get; init; } = string.Empty;

        public decimal FinancialAssets { get; init; }

        public int MotorVehicles { get; init; }

        public decimal MonthlyRigidExpenditure { get; init; }
    }

    private sealed class MemberRow
    {
        public Guid Id { get; init; }

        public string IdNumber { get; init; } = string.Empty;

        public DateOnly BirthDate { get; init; }

        public string Status { get; init; } = string.Empty;

        public string LaborCapacity { get; init; } = string.Empty;

        public string? DisabilityCategory { get; init; }

        public short? DisabilityGrade { get; init; }

        public bool SeriousIllness { get; init; }

        public string SelfCare { get; init; } = string.Empty;

        public bool InSchool { get; init; }

        public bool Employed { get; init; }

        public bool HasCapableSupporter { get; init; }
    }

    private sealed class IncomeRow
    {
        public Guid MemberId { get; init; }

        public string IncomeType { get; init; } = string.Empty;

        public decimal MonthlyAmount { get; init; }

        public bool Unstable { get; init; }
    }
}
