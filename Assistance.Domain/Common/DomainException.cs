namespace Assistance.Domain.Common;

/// <summary>A business rule was broken; maps to 409 with the rule's stable code.</summary>
public class BusinessRuleViolationException(string code, string message, string? ruleId = null)
    : Exception(message)
{
    /// <summary>Stable machine-readable code, e.g. <c>household.member-in-other-household</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The R-id of the broken rule, when the rule comes from domain.md.</summary>
    public string? RuleId { get; } = ruleId;
}

/// <summary>An input value is malformed (shape, checksum, range); maps to 400 naming the field.</summary>
public class DomainValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A rule an aggregate must keep, named after its invariant (kgrzybek's IBusinessRule).</summary>
public interface IBusinessRule
{
    bool IsBroken();

    string Code { get; }

    string Message { get; }

    /// <summary>R-id and clause, e.g. "R-22; N-57 Art.21".</summary>
    string Source { get; }
}

public static class BusinessRules
{
    public static void Check(IBusinessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.IsBroken())
        {
            throw Violation(rule);
        }
    }

    /// <summary>
    /// The exception for a rule found broken where only the database can see it (a unique or exclusion constraint that
    /// backs the rule when two commands race): the same code, message and R-id as when the aggregate checks it.
    /// </summary>
    public static BusinessRuleViolationException Violation(IBusinessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new BusinessRuleViolationException(rule.Code, rule.Message, rule.Source);
    }
}
