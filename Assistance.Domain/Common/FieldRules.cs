namespace Assistance.Domain.Common;

/// <summary>
/// Checks a rule about one input field: a broken rule is bad input (400 naming the field) rather than a state
/// conflict, e.g. a birth date that disagrees with the ID number.
/// </summary>
public static class FieldRules
{
    public static void Check(IBusinessRule rule, string field)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.IsBroken())
        {
            throw new DomainValidationException(field, rule.Message);
        }
    }
}
