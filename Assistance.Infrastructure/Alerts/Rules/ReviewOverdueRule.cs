namespace Assistance.Infrastructure.Alerts.Rules;

using Assistance.Application.Alerts;

/// <summary>
/// an active enrolment whose next review date (from its interval, N-57 Art.31) has passed — the due-review
/// scan's alert. Served by ix_enrolments_review_due (next_review_on, region_code) of migration 0141. Nothing falls due in
/// a region under a review moratorium in force on the day, or under one of its ancestors (R-31, like the due list): an
/// open alert there is resolved by the run, and raised again once the moratorium has ended.
/// </summary>
public sealed class ReviewOverdueRule : AlertRule
{
    public override string Name => AlertRules.ReviewOverdue;

    public override string RuleId => "R-30";

    public override string Source => "R-30; R-31; N-57 Art.31; S0 二";

    public override string ConditionSql => """
        SELECT e.region_code, e.id::text AS subject_key, e.id AS enrolment_id, e.household_id, e.person_member_id AS member_id,
               format('review was due on %s (every %s months)', e.next_review_on, e.review_interval_months) AS detail
        FROM enrolments e
        WHERE e.status <> 'Ended' AND e.next_review_on IS NOT NULL AND e.next_review_on < @day
          AND NOT EXISTS (SELECT 1 FROM review_moratoriums m
                          WHERE starts_with(e.region_code, m.subtree_prefix) AND m.starts_on <= @day AND (m.ends_on IS NULL OR m.ends_on > @day))
        """;
}
