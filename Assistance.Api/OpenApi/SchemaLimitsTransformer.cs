namespace Assistance.Api.OpenApi;

using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

/// <summary>
/// Formatted strings have an inherent maximum length (a UUID is 36 characters, a date 10); declaring it lets
/// clients and gateways reject oversized values early. Other limits are declared on the DTOs themselves.
/// </summary>
public sealed class SchemaLimitsTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && schema.MaxLength is null && schema.Enum is not { Count: > 0 })
        {
            schema.MaxLength = schema.Format switch
            {
                "uuid" => 36,
                "date" => 10,
                "date-time" => 40,
                "time" => 20,
                "duration" => 40,
                _ => schema.MaxLength,
            };
        }

        // One integer convention: maxima stop at 2^53 - 1, the largest integer every JSON client reads exactly.
        if (schema.Type is { } integer && integer.HasFlag(JsonSchemaType.Integer)
            && decimal.TryParse(schema.Maximum, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var maximum)
            && maximum > MaxSafeInteger)
        {
            schema.Maximum = MaxSafeInteger.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Maps of counts (a job run's counts): non-negative tallies, bounded like every other integer.
        if (schema.AdditionalProperties is { Type: { } valueType } counts && valueType.HasFlag(JsonSchemaType.Integer)
            && counts is OpenApiSchema countSchema && countSchema.Minimum is null && countSchema.Maximum is null)
        {
            countSchema.Minimum = "0";
            countSchema.Maximum = MaxSafeInteger.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    public const long MaxSafeInteger = 9007199254740991;
}

/// <summary>The handler method's name is the operationId (jasontaylordev/CleanArchitecture Web/Endpoints).</summary>
public sealed class OperationIdTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(operation.OperationId)
            && context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault() is { } method
            && !method.Name.Contains('<', StringComparison.Ordinal))
        {
            operation.OperationId = method.Name;
        }

        return Task.CompletedTask;
    }
}
