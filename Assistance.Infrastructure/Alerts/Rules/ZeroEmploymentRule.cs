namespace Assistance.Infrastructure.Alerts.Rules;

using Assistance.Application.Alerts;
using Assistance.Domain.Policy;

/// <summary>
/// R-36 零就业家庭: a dibao or marginal household with at least one present member of working age
/// (<c>labour.workingAge.min</c> … <c>labour.workingAge.max</c>, by region and date) who can work, and nobody employed.
/// Source: S3 三(二)2; S2 三(九); S0 七.
/// </summary>
public sealed class ZeroEmploymentRule : AlertRule
{
    public override string Name => AlertRules.ZeroEmployment;

    public override string RuleId => "R-36";

    public override string Source => "R-36; S3 三(二)2; S2 三(九); S0 七";

    public override IReadOnlyList<ParameterDefinition> Parameters => [ParameterCatalog.WorkingAgeMin, ParameterCatalog.WorkingAgeMax];

    public override string ConditionSql => """
        SELECT e.region_code, e.id::text AS subject_key, e.id AS enrolment_id, e.household_id, NULL::uuid AS member_id,
               format('%s present member(s) aged %s to %s able to work; nobody in the household employed',
                      count(*) FILTER (WHERE m.labor_capacity <> 'None' AND m.status = 'Present'
                                         AND m.birth_date <= @day - make_interval(years => pmin.value::int)
                                         AND m.birth_date > @day - make_interval(years => pmax.value::int + 1)),
                      pmin.value::int, pmax.value::int) AS detail
        FROM enrolments e
        JOIN households h ON h.id = e.household_id
        JOIN p pmin ON pmin.region_code = e.region_code AND pmin.residence = h.residence AND pmin.key = 'labour.workingAge.min'
        JOIN p pmax ON pmax.region_code = e.region_code AND pmax.residence = h.residence AND pmax.key = 'labour.workingAge.max'
        JOIN household_members m ON m.household_id = e.household_id
        WHERE e.status <> 'Ended' AND e.programme IN ('Dibao', 'DibaoMarginal')
        GROUP BY e.id, e.region_code, e.household_id, pmin.value, pmax.value
        HAVING NOT bool_or(m.employed)
           AND count(*) FILTER (WHERE m.labor_capacity <> 'None' AND m.status = 'Present'
                                  AND m.birth_date <= @day - make_interval(years => pmin.value::int)
                                  AND m.birth_date > @day - make_interval(years => pmax.value::int + 1)) > 0
        """;
}
