namespace Assistance.Infrastructure.Alerts.Rules;

using Assistance.Application.Alerts;

/// <summary>
/// R-36 with R-23: a decentralized tekun person (分散供养) whose care agreement's visit is overdue — the last visit (or
/// the agreement's start) plus the agreed frequency lies before the day, as the care-agreement overdue list counts it.
/// Source: S0 七; S2 六(十九); N-43.
/// </summary>
public sealed class TekunVisitOverdueRule : AlertRule
{
    public override string Name => AlertRules.TekunVisitOverdue;

    public override string RuleId => "R-36";

    public override string Source => "R-36; R-23; S0 七; S2 六(十九)";

    public override string ConditionSql => """
        SELECT e.region_code, e.id::text AS subject_key, e.id AS enrolment_id, e.household_id, e.person_member_id AS member_id,
               format('visit every %s days; last visit %s; due %s',
                      c.visit_frequency_days, coalesce(c.last_visit_on::text, 'none'),
                      coalesce(c.last_visit_on, c.starts_on) + c.visit_frequency_days) AS detail
        FROM care_agreements c
        JOIN enrolments e ON e.id = c.enrolment_id
        WHERE e.status <> 'Ended' AND e.programme = 'Tekun' AND e.care_setting = 'Decentralized'
          AND coalesce(c.last_visit_on, c.starts_on) + c.visit_frequency_days < @day
        """;
}
