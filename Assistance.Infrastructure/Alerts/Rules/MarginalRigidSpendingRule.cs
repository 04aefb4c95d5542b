namespace Assistance.Infrastructure.Alerts.Rules;

using Assistance.Application.Alerts;
using Assistance.Domain.Policy;

/// <summary>
/// a marginal household (低保边缘) whose monthly rigid spending (medical, education…) is above
/// <c>expenditure.minRigidShareOfIncome</c> of its monthly income, by region and date: a candidate for the
/// expenditure-hardship route. Regions that leave the share unset raise nothing. Source: S0 七; N-2025.
/// </summary>
public sealed class MarginalRigidSpendingRule : AlertRule
{
    public override string Name => AlertRules.MarginalRigidSpending;

    public override string RuleId => "R-36";

    public override string Source => "R-36; S0 七; N-2025";

    public override IReadOnlyList<ParameterDefinition> Parameters => [ParameterCatalog.ExpenditureMinRigidShareOfIncome];

    public override string ConditionSql => """
        SELECT e.region_code, e.id::text AS subject_key, e.id AS enrolment_id, e.household_id, NULL::uuid AS member_id,
               format('rigid spending %s a month against income %s a month (share threshold %s)',
                      h.monthly_rigid_expenditure, coalesce(inc.income, 0), share.value) AS detail
        FROM enrolments e
        JOIN households h ON h.id = e.household_id
        JOIN p share ON share.region_code = e.region_code AND share.residence = h.residence AND share.key = 'expenditure.minRigidShareOfIncome'
        LEFT JOIN LATERAL (
            SELECT sum(i.monthly_amount) AS income
            FROM household_members m JOIN member_incomes i ON i.member_id = m.id
            WHERE m.household_id = e.household_id AND m.status = 'Present') inc ON true
        WHERE e.status <> 'Ended' AND e.programme = 'DibaoMarginal'
          AND h.monthly_rigid_expenditure > 0
          AND h.monthly_rigid_expenditure > share.value * coalesce(inc.income, 0)
        """;
}
