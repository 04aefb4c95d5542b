namespace Assistance.Api.Http;

using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

/// <summary>
/// The server enforces what the contract declares, from the same DataAnnotations the OpenAPI document reads.
/// This filter checks, on every /api/v1 endpoint before the handler runs: the attributes of the handler's query and
/// route parameters, and the bodies whose record is declared here at the API edge (they are mapped to commands,
/// which do not carry the attributes), recursively through nested records and lists. It answers 400
/// <c>validation.failed</c> naming each field by its JSON path. Bodies that are the use case's own records
/// (households, assessments, parameter values) are checked in the use-case pipeline instead, with the validators,
/// so that one answer lists every field.
/// </summary>
public sealed class RequestContractFilter : IEndpointFilter
{
    // Reflection once per handler and per record type, not per request: this filter runs on every /api/v1 call.
    private static readonly ConcurrentDictionary<MethodInfo, (int Position, string Name, ValidationAttribute[] Rules)[]> Parameters = new();
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name, ValidationAttribute[] Rules)[]> Shapes = new();
    private static readonly ConcurrentDictionary<Type, bool> Records = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // Allocated only when a field fails: the valid request passes without a dictionary (issue 14).
        Dictionary<string, List<string>>? errors = null;
        var handlers = context.HttpContext.GetEndpoint()?.Metadata.GetOrderedMetadata<MethodInfo>();
        var handler = handlers is { Count: > 0 } ? handlers[0] : null;
        var parameters = handler is null ? [] : Parameters.GetOrAdd(handler, static m => m.GetParameters()
            .Select(p => (p.Position, p.Name ?? "value", p.GetCustomAttributes<ValidationAttribute>().ToArray()))
            .Where(p => p.Item3.Length > 0).ToArray());
        foreach (var parameter in parameters)
        {
            if (parameter.Position >= context.Arguments.Count)
            {
                continue;
            }

            var argument = context.Arguments[parameter.Position];
            foreach (var rule in parameter.Rules)
            {
                if (argument is not null && !IsValid(rule, argument))
                {
                    // A cursor is opaque to the caller: one that breaks its declared length is simply not ours.
                    if (parameter.Name == "cursor")
                    {
                        throw Application.Common.CursorCodec.Invalid();
                    }

                    Add(ref errors, parameter.Name, Message(rule, parameter.Name));
                }
            }
        }

        foreach (var argument in context.Arguments)
        {
            if (argument is not null && argument.GetType().Assembly == typeof(RequestContractFilter).Assembly && IsRecord(argument.GetType()))
            {
                Walk(argument, string.Empty, ref errors, 0);
            }
        }

        if (errors is { Count: > 0 })
        {
            await ProblemDetailsSetup.WriteAsync(context.HttpContext, 400, "validation.failed", "The request is invalid.",
                "One or more fields are invalid: " + string.Join(", ", errors.Keys) + ".",
                errors.ToDictionary(e => e.Key, e => e.Value.ToArray())).ConfigureAwait(false);
            return Results.Empty;
        }

        return await next(context).ConfigureAwait(false);
    }

    private static void Walk(object value, string path, ref Dictionary<string, List<string>>? errors, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        foreach (var (property, name, rules) in Shape(value.GetType()))
        {
            var field = (path.Length == 0 ? string.Empty : path + ".") + name;
            var propertyValue = property.GetValue(value);
            foreach (var rule in rules)
            {
                if ((propertyValue is not null || rule is RequiredAttribute) && !IsValid(rule, propertyValue))
                {
                    Add(ref errors, field, Message(rule, field));
                }
            }

            switch (propertyValue)
            {
                case null or string or System.Collections.IDictionary:
                    break;
                case System.Collections.IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is null)
                        {
                            Add(ref errors, $"{field}[{index}]", $"{field}[{index}] may not be null.");
                        }
                        else if (IsRecord(item.GetType()))
                        {
                            Walk(item, $"{field}[{index}]", ref errors, depth + 1);
                        }

                        index++;
                    }

                    break;
                default:
                    if (IsRecord(propertyValue.GetType()))
                    {
                        Walk(propertyValue, field, ref errors, depth + 1);
                    }

                    break;
            }
        }
    }

    private static (PropertyInfo Property, string Name, ValidationAttribute[] Rules)[] Shape(Type type) =>
        Shapes.GetOrAdd(type, static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => (p, char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p.GetCustomAttributes<ValidationAttribute>(inherit: true).ToArray()))
            .ToArray());

    private static void Add(ref Dictionary<string, List<string>>? errors, string field, string message)
    {
        errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    // Answered once per type: the reflective lookup ran for every API-edge argument of every request (issue 14).
    private static bool IsRecord(Type type) => Records.GetOrAdd(type, static t =>
        t is { IsClass: true, Namespace: { } ns } && ns.StartsWith("Assistance.", StringComparison.Ordinal) && t.GetMethod("<Clone>$") is not null);

    private static bool IsValid(ValidationAttribute rule, object? value)
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

    /// <summary>API terms, not the framework's wording.</summary>
    private static string Message(ValidationAttribute rule, string field) => rule switch
    {
        RequiredAttribute => $"{field} is required and may not be null or empty.",
        MinLengthAttribute min => $"{field} needs at least {min.Length} (characters or items).",
        StringLengthAttribute length => $"{field} must have {length.MinimumLength} to {length.MaximumLength} characters.",
        RangeAttribute range => $"{field} must lie between {range.Minimum} and {range.Maximum}.",
        MaxLengthAttribute max => $"{field} is longer than {max.Length} (characters or items).",
        _ => $"{field} is not valid.",
    };
}
