namespace Assistance.Infrastructure.Alerts.Rules;

using Assistance.Application.Alerts;

/// <summary>
/// R-61 duplicate detection: one ID number active in enrolments of two households or two regions. One alert per
/// enrolment and person involved, so each region sees its side. Source: domain.md §8; S0 九.
/// </summary>
public sealed class DuplicateIdNumberRule : AlertRule
{
    public override string Name => AlertRules.DuplicateIdNumber;

    public override string RuleId => "R-61";

    public override string Source => "R-61; S0 九";

    public override string ConditionSql => """
        SELECT ep.region_code, ep.enrolment_id::text || '/' || ep.member_id::text AS subject_key, ep.enrolment_id, ep.household_id,
               ep.member_id,
               format('ID number %s is active in %s households and %s regions (%s)',
                      left(ep.id_number, 6) || '********' || right(ep.id_number, 4), d.households, d.regions, d.region_list) AS detail
        FROM (
            SELECT p.id_number, count(DISTINCT p.household_id) AS households, count(DISTINCT p.region_code) AS regions,
                   string_agg(DISTINCT p.region_code, ', ' ORDER BY p.region_code) AS region_list
            FROM enrolment_persons p
            WHERE p.active
            GROUP BY p.id_number
            HAVING count(DISTINCT p.household_id) > 1 OR count(DISTINCT p.region_code) > 1) d
        JOIN enrolment_persons ep ON ep.id_number = d.id_number AND ep.active
        """;
}
