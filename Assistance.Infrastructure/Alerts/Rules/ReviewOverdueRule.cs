namespace Assistance.Infrastructure.Alerts.Rules;

using Assistance.Application.Alerts;

/// <summary>
/// an active enrolment whose next review date (from its interval, N-57 Art.31) has passed — the due-review
/// scan's alert. Served by ix_enrolments_review_due (next_review_on, region_code) of migration 0141.
/// </summary>
public sealed class ReviewOverdueRule : AlertRule
{
    public override string Name => AlertRules.ReviewOverdue;

    public override string RuleId => "R-30";

    public override string Source => "R-30; N-57 Art.31; S0 二";

    public override string ConditionSql => """
        SELECT e.region_code, e.id::text AS subject_key, e.id AS enrolment_id, e.household_id, e.person_member_id AS member_id,
               format('review was due on %s (every %s months)', e.next_review_on, e.review_interval_months) AS detail
        FROM enrolments e
        WHERE e.status <> 'Ended' AND e.next_review_on IS NOT NULL AND e.next_review_on < @day
        """;
}
