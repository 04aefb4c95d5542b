namespace Assistance.Application.Behaviours;

using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FluentValidation.Results;

/// <summary>
/// A request whose validator applies the limits declared on its records itself (a hot path that must not pay for the
/// reflective walk of <see cref="DeclaredLimits"/>), with the same fields and wording.
/// </summary>
public interface IChecksItsDeclaredLimits;

/// <summary>
/// The limits the contract declares (ranges, lengths and item counts from DataAnnotations on the request records)
/// are enforced for every request, not only where a validator happens to repeat them. Checked with the validators
/// and reported together with them; a field a validator already reports is not reported twice.
/// </summary>
public static class DeclaredLimits
{
    private const int MaxDepth = 16;
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, ValidationAttribute[] Rules)[]> Shapes = new();

    public static IEnumerable<ValidationFailure> Check(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var failures = new List<ValidationFailure>();
        Walk(request, string.Empty, failures, 0);
        return failures;
    }

    private static void Walk(object value, string path, List<ValidationFailure> failures, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var (property, rules) in Shape(value.GetType()))
        {
            // A query or command wrapping the request body ("Request") is not part of the field's JSON path.
            var field = path.Length == 0 && property.Name == "Request" ? string.Empty : path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var propertyValue = property.GetValue(value);
            foreach (var rule in rules)
            {
                if (propertyValue is not null && !IsValid(rule, propertyValue))
                {
                    failures.Add(new ValidationFailure(field, Message(rule, field)));
                }
            }

            switch (propertyValue)
            {
                case null or string or IDictionary:
                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is not null && IsRecord(item.GetType()))
                        {
                            Walk(item, $"{field}[{index}]", failures, depth + 1);
                        }

                        index++;
                    }

                    break;
                default:
                    if (IsRecord(propertyValue.GetType()))
                    {
                        Walk(propertyValue, field, failures, depth + 1);
                    }

                    break;
            }
        }
    }

    private static bool IsValid(ValidationAttribute rule, object value)
    {
        try
        {
            return rule.IsValid(value);
        }
        catch (Exception e) when (e is OverflowException or InvalidCastException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static string Message(ValidationAttribute rule, string field)
    {
        var name = string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
        return rule switch
        {
            MaxLengthAttribute max => $"{name} is longer than {max.Length} (characters or items).",
            MinLengthAttribute min => $"{name} needs at least {min.Length} (characters or items).",
            StringLengthAttribute length => $"{name} must have {length.MinimumLength} to {length.MaximumLength} characters.",
            RangeAttribute range => $"{name} must lie between {range.Minimum} and {range.Maximum}.",
            _ => $"{name} is not valid.",
        };
    }

    private static bool IsRecord(Type type) =>
        type is { IsClass: true, Namespace: { } ns } && ns.StartsWith("Assistance.", StringComparison.Ordinal) && type.GetMethod("<Clone>$") is not null;

    private static (PropertyInfo Property, ValidationAttribute[] Rules)[] Shape(Type type) =>
        Shapes.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && p.Name != "EqualityContract")
            .Select(p => (p, p.GetCustomAttributes<ValidationAttribute>(inherit: true)
                .Where(a => a is RangeAttribute or MaxLengthAttribute or MinLengthAttribute or StringLengthAttribute).ToArray()))
            .ToArray());
}
