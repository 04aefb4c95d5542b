namespace Assistance.Infrastructure.Alerts.Rules;

using Assistance.Application.Alerts;
using Assistance.Domain.Policy;

/// <summary>
/// R-36 with R-34: a tekun person still under <c>tekun.minorAgeLimit</c> who reaches it within
/// <c>alerts.tekunMinorLeadMonths</c> of the day (both by region and date; the national pack's 3 months are R-36's
/// "turning 18 within 3 months", S0 七, S2 六(十九)), so the continuation in school can be checked before support would end.
/// </summary>
public sealed class TekunMinorTurningAdultRule : AlertRule
{
    public override string Name => AlertRules.TekunMinorTurningAdult;

    public override string RuleId => "R-36";

    public override string Source => "R-36; R-34; S0 七; S2 六(十九); N-43";

    public override IReadOnlyList<ParameterDefinition> Parameters => [ParameterCatalog.TekunMinorAgeLimit, ParameterCatalog.AlertTekunMinorLeadMonths];

    public override string ConditionSql => """
        SELECT e.region_code, e.id::text AS subject_key, e.id AS enrolment_id, e.household_id, e.person_member_id AS member_id,
               format('reaches %s on %s%s', lim.value::int, (m.birth_date + make_interval(years => lim.value::int))::date,
                      CASE WHEN m.in_school THEN ' (recorded in school)' ELSE '' END) AS detail
        FROM enrolments e
        JOIN households h ON h.id = e.household_id
        JOIN household_members m ON m.id = e.person_member_id
        JOIN p lim ON lim.region_code = e.region_code AND lim.residence = h.residence AND lim.key = 'tekun.minorAgeLimit'
        JOIN p lm ON lm.region_code = e.region_code AND lm.residence = h.residence AND lm.key = 'alerts.tekunMinorLeadMonths'
        WHERE e.status <> 'Ended' AND e.programme = 'Tekun'
          AND m.birth_date + make_interval(years => lim.value::int) > @day
          AND m.birth_date + make_interval(years => lim.value::int) <= @day + make_interval(months => lm.value::int)
        """;
}
