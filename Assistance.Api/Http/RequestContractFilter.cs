namespace Assistance.Api.Http;

using System.ComponentModel.DataAnnotations;
using System.Reflection;

/// <summary>
/// The server enforces what the contract declares. Query and route parameters carry their limits as
/// DataAnnotations on the handler's parameters (that is where the OpenAPI document reads them); this filter checks
/// them on every /api/v1 endpoint before the handler runs and answers 400 <c>validation.failed</c> naming the
/// parameter. Request bodies are checked in the use-case pipeline (validators and the declared limits together).
/// </summary>
public sealed class RequestContractFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters() ?? [];
        foreach (var parameter in parameters.Where(p => p.Position < context.Arguments.Count))
        {
            var argument = context.Arguments[parameter.Position];
            foreach (var rule in parameter.GetCustomAttributes<ValidationAttribute>())
            {
                if (argument is not null && !IsValid(rule, argument))
                {
                    var name = parameter.Name ?? "value";
                    if (!errors.TryGetValue(name, out var messages))
                    {
                        errors[name] = messages = [];
                    }

                    messages.Add(Message(rule, name));
                }
            }
        }

        if (errors.Count > 0)
        {
            await ProblemDetailsSetup.WriteAsync(context.HttpContext, 400, "validation.failed", "The request is invalid.",
                "One or more parameters are invalid: " + string.Join(", ", errors.Keys) + ".",
                errors.ToDictionary(e => e.Key, e => e.Value.ToArray())).ConfigureAwait(false);
            return Results.Empty;
        }

        return await next(context).ConfigureAwait(false);
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

    /// <summary>API terms, not the framework's wording.</summary>
    private static string Message(ValidationAttribute rule, string field) => rule switch
    {
        StringLengthAttribute length => $"{field} must have {length.MinimumLength} to {length.MaximumLength} characters.",
        RangeAttribute range => $"{field} must lie between {range.Minimum} and {range.Maximum}.",
        MaxLengthAttribute max => $"{field} is longer than {max.Length}.",
        _ => $"{field} is not valid.",
    };
}
