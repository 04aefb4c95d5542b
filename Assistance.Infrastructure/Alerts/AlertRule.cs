namespace Assistance.Infrastructure.Alerts;

using Assistance.Domain.Policy;

/// <summary>
/// One early-warning rule of the daily run: set-based SQL that returns every subject whose condition holds on
/// <c>@day</c>, never a loop over enrolments. The SQL may join <c>p (region_code, residence, key, value)</c>: the
/// rule's <see cref="Parameters"/> resolved in C# for every region of the register and both residence types on that
/// day (PolicyStore), passed in as arrays. A NULL value (unset in that region) makes the condition false there.
/// It returns the columns <c>region_code, subject_key, enrolment_id, household_id, member_id, detail</c>, one row per
/// subject_key; the detail never carries an unmasked ID number.
/// </summary>
public abstract class AlertRule
{
    /// <summary>The rule's name in the API (<see cref="Application.Alerts.AlertRules"/>).</summary>
    public abstract string Name { get; }

    public abstract string RuleId { get; }

    /// <summary>The clause the rule comes from.</summary>
    public abstract string Source { get; }

    public virtual IReadOnlyList<ParameterDefinition> Parameters => [];

    public abstract string ConditionSql { get; }
}
