namespace Assistance.Api.OpenApi;

using Assistance.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

/// <summary>
/// Gives every operation its description (what it does, the rules it enforces, the scopes it needs) and its
/// security requirement with those scopes, both read from the endpoint's own authorization metadata.
/// </summary>
public sealed class ContractDescriptionTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var scopes = RequiredScopes(metadata);
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();

        var parts = new List<string>();
        if (!string.IsNullOrEmpty(operation.Summary))
        {
            parts.Add(operation.Summary);
        }

        if (operation.OperationId is { } id && OperationDocs.Rules.TryGetValue(id, out var rules))
        {
            parts.Add(rules);
        }

        parts.Add(anonymous
            ? "Scopes: none (no token needed)."
            : scopes.Count == 0
                ? "Scopes: none; any valid token."
                : "Scopes: " + string.Join(" and ", scopes.Select(s => $"`{s}`")) + ".");
        operation.Description = string.Join("\n\n", parts);

        if (!anonymous)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.OAuth2Scheme, context.Document)] = [.. scopes] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.BearerScheme, context.Document)] = [.. scopes] },
            ];
        }

        // The XML-comment generator gives the body the last <param> text it finds (the cancellation token's);
        // the body's own schema carries the real description.
        if (operation.RequestBody is OpenApiRequestBody body)
        {
            body.Description = "The " + string.Join(", ", (body.Content ?? new Dictionary<string, OpenApiMediaType>()).Values
                .Select(m => m.Schema is OpenApiSchemaReference r ? Humanize(r.Reference.Id ?? "body") : "body").Distinct()) + " to send (JSON).";
        }

        return Task.CompletedTask;
    }

    public static IReadOnlyList<string> RequiredScopes(IEnumerable<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Where(Scopes.All.Contains).Distinct().ToList();

    private static string Humanize(string schemaName)
    {
        var trimmed = schemaName;
        foreach (var suffix in new[] { "Request", "Input", "Command", "Query", "Dto" })
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal) && trimmed.Length > suffix.Length)
            {
                trimmed = trimmed[..^suffix.Length];
                break;
            }
        }

        return string.Concat(trimmed.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : (i == 0 ? char.ToLowerInvariant(c).ToString() : c.ToString())));
    }
}
