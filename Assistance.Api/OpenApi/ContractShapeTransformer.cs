namespace Assistance.Api.OpenApi;

using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

/// <summary>
/// Corrects what the generator cannot know from the CLR types alone, once every schema is in the components:
/// enums are strings (a nullable use says so at the use, not in the shared enum), free-form parameter values are
/// typed, and a request property marked <see cref="RequiredAttribute"/> is never nullable: the server refuses null
/// there (<see cref="Http.RequestContractFilter"/>), so the contract must not offer it. Then every request and
/// response body gets a valid example (<see cref="ContractExamples"/>).
/// </summary>
public sealed class ContractShapeTransformer : IOpenApiDocumentTransformer
{
    public const string ParameterValueSchema = "ParameterValue";

    /// <summary>The most a bare (unpaged) list response holds: the queries behind them stop at 200.</summary>
    public const int UnpagedListMaxItems = 200;

    private static readonly Dictionary<string, Type> ClrTypes = typeof(Program).Assembly.GetTypes()
        .Concat(typeof(Application.DependencyInjection).Assembly.GetTypes())
        .Concat(typeof(Domain.Households.NationalId).Assembly.GetTypes())
        .Where(t => t.IsPublic && !t.IsGenericTypeDefinition)
        .GroupBy(t => t.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return Task.CompletedTask;
        }

        schemas.Remove("JsonElement");
        schemas[ParameterValueSchema] = new OpenApiSchema
        {
            Description = "A parameter value: a number (money in yuan with at most two decimals, a ratio, a count), a string, a boolean, "
                + "a list of strings, or null.",
            OneOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.Number },
                new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 500 },
                new OpenApiSchema { Type = JsonSchemaType.Boolean },
                new OpenApiSchema { Type = JsonSchemaType.Array, MaxItems = 100, Items = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 } },
                new OpenApiSchema { Type = JsonSchemaType.Null },
            ],
        };

        var enums = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, schema) in schemas)
        {
            if (schema is OpenApiSchema { Enum.Count: > 0 } enumSchema)
            {
                var values = enumSchema.Enum.Where(v => v is not null && v.GetValueKind() != System.Text.Json.JsonValueKind.Null).ToList();
                enumSchema.Enum = values;
                enumSchema.Type = JsonSchemaType.String;
                enums.Add(name);
            }
        }

        var requestSchemas = RequestSchemas(document);
        foreach (var (name, schema) in schemas.ToList())
        {
            if (schema is not OpenApiSchema { Properties: { } properties } objectSchema)
            {
                continue;
            }

            ClrTypes.TryGetValue(name, out var clr);
            foreach (var (propertyName, property) in properties.ToList())
            {
                var clrProperty = clr?.GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                var isRequiredInput = requestSchemas.Contains(name) && clrProperty?.GetCustomAttribute<RequiredAttribute>() is not null;
                properties[propertyName] = Fix(property, clrProperty, isRequiredInput, enums, document);
            }

            // The JSON reader fills an omitted nullable property with null: unless the server refuses null
            // ([Required]), such a property is optional, whatever the constructor says.
            if (clr is not null && requestSchemas.Contains(name) && objectSchema.Required is { Count: > 0 } required)
            {
                foreach (var propertyName in required.ToList())
                {
                    var clrProperty = clr.GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                    if (clrProperty is not null && clrProperty.GetCustomAttribute<RequiredAttribute>() is null
                        && (Nullable.GetUnderlyingType(clrProperty.PropertyType) is not null || new NullabilityInfoContext().Create(clrProperty).WriteState == NullabilityState.Nullable))
                    {
                        required.Remove(propertyName);
                    }
                }
            }

            if (objectSchema.Properties.TryGetValue("parameterOverrides", out var overrides) && overrides is OpenApiSchema overridesSchema)
            {
                overridesSchema.AdditionalProperties = new OpenApiSchemaReference(ParameterValueSchema, document);
                overridesSchema.MaxProperties = 100;
                overridesSchema.MaxLength = null;
            }
        }

        BoundUnpagedResponses(document);
        ContractExamples.Apply(document);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The few responses that are not paged objects say how large they can be: a bare list (an agency's subscriptions
    /// and dead letters, at most <see cref="UnpagedListMaxItems"/> by their queries) and a CSV download, which is a
    /// stream of rows whose length the contract bounds only by the largest string a client can hold.
    /// </summary>
    private static void BoundUnpagedResponses(OpenApiDocument document)
    {
        foreach (var operation in (document.Paths ?? []).Values.Where(p => p.Operations is not null).SelectMany(p => p.Operations!.Values))
        {
            foreach (var media in (operation.Responses ?? []).Values.Where(r => r.Content is not null).SelectMany(r => r.Content!.Values))
            {
                if (media.Schema is OpenApiSchema { Type: JsonSchemaType.Array, MaxItems: null } list)
                {
                    list.MaxItems = UnpagedListMaxItems;
                }
                else if (media.Schema is OpenApiSchema { Type: JsonSchemaType.String, MaxLength: null } text)
                {
                    text.MaxLength = int.MaxValue;
                }
            }
        }
    }

    private static IOpenApiSchema Fix(IOpenApiSchema property, PropertyInfo? clrProperty, bool requiredInput, HashSet<string> enums, OpenApiDocument document)
    {
        // Free-form values (object, JsonElement) become the typed ParameterValue.
        if (clrProperty is not null && (clrProperty.PropertyType == typeof(object) || clrProperty.PropertyType == typeof(System.Text.Json.JsonElement)
            || clrProperty.PropertyType == typeof(System.Text.Json.JsonElement?)))
        {
            return new OpenApiSchemaReference(ParameterValueSchema, document) { Description = property.Description };
        }

        if (property is OpenApiSchemaReference reference && reference.Reference.Id is { } id && enums.Contains(id))
        {
            var nullable = clrProperty is not null && Nullable.GetUnderlyingType(clrProperty.PropertyType) is not null;
            return nullable && !requiredInput
                ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, new OpenApiSchemaReference(id, document)], Description = reference.Description }
                : property;
        }

        if (property is OpenApiSchema schema)
        {
            if (requiredInput && schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
            {
                schema.Type = type & ~JsonSchemaType.Null;
            }

            if (requiredInput && schema.OneOf is { Count: 2 } oneOf && oneOf.Any(IsNull))
            {
                var other = oneOf.First(s => !IsNull(s));
                return other is OpenApiSchemaReference r ? new OpenApiSchemaReference(r.Reference.Id!, document) { Description = schema.Description ?? r.Description } : other;
            }

            if (schema.Items is OpenApiSchemaReference itemReference && itemReference.Reference.Id == "JsonElement")
            {
                schema.Items = new OpenApiSchemaReference(ParameterValueSchema, document);
            }
        }

        return property;
    }

    private static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };

    /// <summary>Names of the component schemas reachable from a request body.</summary>
    private static HashSet<string> RequestSchemas(OpenApiDocument document)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IOpenApiSchema>();
        foreach (var operation in document.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? []))
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                if (media.Schema is not null)
                {
                    pending.Push(media.Schema);
                }
            }
        }

        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference reference)
            {
                if (reference.Reference.Id is { } id && found.Add(id) && document.Components!.Schemas!.TryGetValue(id, out var target))
                {
                    pending.Push(target);
                }

                continue;
            }

            foreach (var child in Children(schema))
            {
                pending.Push(child);
            }
        }

        return found;
    }

    internal static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema)
    {
        if (schema.Properties is { } properties)
        {
            foreach (var p in properties.Values)
            {
                yield return p;
            }
        }

        if (schema.Items is { } items)
        {
            yield return items;
        }

        if (schema.AdditionalProperties is { } additional)
        {
            yield return additional;
        }

        foreach (var s in (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []))
        {
            yield return s;
        }
    }
}
