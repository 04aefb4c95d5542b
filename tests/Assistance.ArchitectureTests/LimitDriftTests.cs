namespace Assistance.ArchitectureTests;

using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;

/// <summary>
/// One number per limit: where a validator checks a length or a range of a field that the contract also declares (the
/// DataAnnotations on the API's request records, which the OpenAPI schema and <c>DeclaredLimits</c> read), the two
/// agree. A validator that allows less than the schema says (reason: 1000 against 2000) refuses what the contract
/// promises; one that allows more is dead code that will drift. A request record is paired with the command it becomes
/// when every one of its properties is a property of the command (or the command wraps it as <c>Request</c>).
/// </summary>
public sealed class LimitDriftTests
{
    private static readonly Assembly Api = typeof(Program).Assembly;
    private static readonly Assembly Application = typeof(Assistance.Application.DependencyInjection).Assembly;

    [Test]
    public void ValidatorLimits_AreTheContractsLimits()
    {
        var requests = Api.GetTypes().Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal) && t.IsClass && !t.IsAbstract).ToList();
        var compared = 0;
        var drift = new List<string>();
        foreach (var (command, validator) in Validators())
        {
            var limits = ValidatorLimits(validator);
            var commandProperties = command.GetProperties().ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            var paired = requests
                .Where(r => r.GetProperties().Length >= 2 && r.GetProperties().All(p => commandProperties.ContainsKey(p.Name)))
                .Select(r => (Request: r, Prefix: string.Empty))
                .ToList();
            if (commandProperties.TryGetValue("Request", out var wrapped) && requests.Contains(wrapped.PropertyType))
            {
                paired.Add((wrapped.PropertyType, "Request."));
            }

            foreach (var (request, prefix) in paired)
            {
                foreach (var property in request.GetProperties())
                {
                    if (!limits.TryGetValue(prefix + property.Name, out var checkedBy))
                    {
                        continue;
                    }

                    var declared = DeclaredLimits(property);
                    if (checkedBy.MaxLength is { } max && declared.MaxLength is { } declaredMax)
                    {
                        compared++;
                        if (max != declaredMax)
                        {
                            drift.Add($"{command.Name}.{property.Name}: validator max length {max}, {request.Name} declares {declaredMax}");
                        }
                    }

                    if (checkedBy.Range is { } range && declared.Range is { } declaredRange)
                    {
                        compared++;
                        if (range != declaredRange)
                        {
                            drift.Add($"{command.Name}.{property.Name}: validator range {range}, {request.Name} declares {declaredRange}");
                        }
                    }
                }
            }
        }

        Assert.That(compared, Is.GreaterThan(20), "the limits of the write requests are compared");
        Assert.That(drift, Is.Empty, "each limit has one number, in the contract and in validation alike");
    }

    private static IEnumerable<(Type Command, IValidator Validator)> Validators()
    {
        foreach (var type in Application.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            var validated = type.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>) ? b.GetGenericArguments()[0] : null;
            if (validated is null || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            yield return (validated, (IValidator)Activator.CreateInstance(type)!);
        }
    }

    private static Dictionary<string, (int? MaxLength, string? Range)> ValidatorLimits(IValidator validator)
    {
        var limits = new Dictionary<string, (int? MaxLength, string? Range)>(StringComparer.OrdinalIgnoreCase);

        // RuleForEach limits an element (an investigator's name), not the list the contract limits (how many): skipped.
        var rules = validator.CreateDescriptor().Rules
            .Where(r => r.PropertyName is not null && !r.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>)));
        foreach (var rule in rules)
        {
            var (maxLength, range) = limits.GetValueOrDefault(rule.PropertyName);
            foreach (var component in rule.Components)
            {
                switch (component.Validator)
                {
                    case ILengthValidator length when length.Max > 0:
                        maxLength = length.Max;
                        break;
                    case IBetweenValidator between:
                        range = $"{between.From}..{between.To}";
                        break;
                    default:
                        break;
                }
            }

            limits[rule.PropertyName] = (maxLength, range);
        }

        return limits;
    }

    private static (int? MaxLength, string? Range) DeclaredLimits(PropertyInfo property)
    {
        int? maxLength = property.GetCustomAttribute<MaxLengthAttribute>()?.Length ?? property.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength;
        var range = property.GetCustomAttribute<RangeAttribute>() is { } r ? $"{r.Minimum}..{r.Maximum}" : null;
        return (maxLength, range);
    }
}
