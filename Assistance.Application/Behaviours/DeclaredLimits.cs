namespace Assistance.Application.Behaviours;

using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
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
    private static readonly ConcurrentDictionary<Type, Member[]> Shapes = new();
    private static readonly ConcurrentDictionary<Type, bool> Records = new();

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

        foreach (var member in Shape(value.GetType()))
        {
            var propertyValue = member.Get(value);
            if (propertyValue is null)
            {
                continue;
            }

            // The field's path is built only when a rule fails or the walk goes down into it (issue 14: it was a string
            // per property per request). A query or command wrapping the request body ("Request") is not part of it.
            string? field = null;
            foreach (var rule in member.Rules)
            {
                if (!IsValid(rule, propertyValue))
                {
                    field ??= Field(path, member.Name);
                    failures.Add(new ValidationFailure(field, Message(rule, field)));
                }
            }

            if (!member.MayHoldRecords)
            {
                continue;
            }

            switch (propertyValue)
            {
                case string or IDictionary:
                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is not null && IsRecord(item.GetType()))
                        {
                            field ??= Field(path, member.Name);
                            Walk(item, $"{field}[{index}]", failures, depth + 1);
                        }

                        index++;
                    }

                    break;
                default:
                    if (IsRecord(propertyValue.GetType()))
                    {
                        Walk(propertyValue, field ?? Field(path, member.Name), failures, depth + 1);
                    }

                    break;
            }
        }
    }

    private static string Field(string path, string name) =>
        path.Length == 0 && name == "Request" ? string.Empty : path.Length == 0 ? name : $"{path}.{name}";

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

    private static bool IsRecord(Type type) => Records.GetOrAdd(type, static t =>
        t is { IsClass: true, Namespace: { } ns } && ns.StartsWith("Assistance.", StringComparison.Ordinal) && t.GetMethod("<Clone>$") is not null);

    /// <summary>
    /// Per type, once: the properties that carry a limit or may lead to a nested record, each with a compiled getter
    /// (no <see cref="PropertyInfo.GetValue(object)"/> per request). A property of a value type that is not a collection
    /// (numbers, dates, enums, flags) with no limit can neither fail nor hold a record, so it is not visited at all.
    /// </summary>
    private static Member[] Shape(Type type) =>
        Shapes.GetOrAdd(type, static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && p.Name != "EqualityContract")
            .Select(p => new Member(
                p.Name,
                Getter(p),
                p.GetCustomAttributes<ValidationAttribute>(inherit: true)
                    .Where(a => a is RangeAttribute or MaxLengthAttribute or MinLengthAttribute or StringLengthAttribute).ToArray(),
                p.PropertyType != typeof(string) && (!p.PropertyType.IsValueType || typeof(IEnumerable).IsAssignableFrom(p.PropertyType))))
            .Where(m => m.Rules.Length > 0 || m.MayHoldRecords)
            .ToArray());

    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var read = Expression.Property(Expression.Convert(instance, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
    }

    private sealed record Member(string Name, Func<object, object?> Get, ValidationAttribute[] Rules, bool MayHoldRecords);
}
