namespace Assistance.Api.OpenApi;

using System.Globalization;
using Assistance.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

/// <summary>Marks endpoints that require If-Match (for the contract: header, 412 and 428).</summary>
public sealed class RequiresIfMatchMetadata;

/// <summary>Marks endpoints that accept Idempotency-Key (for the contract: header, 409 and 422).</summary>
public sealed class AcceptsIdempotencyKeyMetadata;

/// <summary>Declares security and the problem responses every operation can give, so clients can rely on them.</summary>
public sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public const string ProblemSchemaName = "Problem";

    /// <summary>If-Match = "*" / #entity-tag (RFC 9110 §8.8.3, §13.1.1).</summary>
    private const string IfMatchPattern = "^(\\*|(W/)?\"[\\x21\\x23-\\x7E]*\"([ \\t]*,[ \\t]*(W/)?\"[\\x21\\x23-\\x7E]*\")*)$";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        EnsureProblemSchema(document!);
        operation.Responses ??= [];
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        if (!anonymous)
        {
            Add(operation, document!, 401, "Missing or invalid bearer token.");
            Add(operation, document!, 403, "The token lacks the scope this operation needs.");
        }

        Add(operation, document!, 400, "The request is malformed or a field is invalid; `errors` names the fields.");
        Add(operation, document!, 404, "Not found, or outside the caller's region.");
        Add(operation, document!, 429, "Rate limit exhausted; see Retry-After.", withRetryAfter: true);
        Add(operation, document!, 500, "Unexpected error; quote traceId.");
        Add(operation, document!, 503, "The database is unreachable; see Retry-After.", withRetryAfter: true);

        if (metadata.OfType<RequiresIfMatchMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = true,
                Description = "The ETag from the last GET of the resource (RFC 9110 §13.1.1): `*` matches any current version, a "
                    + "comma-separated list matches when any strong tag in it is current; weak tags (W/) never match.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 400, Pattern = IfMatchPattern },
            });
            Add(operation, document!, 412, "No entity-tag in If-Match names the current version (the resource changed since your GET).");
            Add(operation, document!, 428, "If-Match header missing.");
        }

        if (metadata.OfType<AcceptsIdempotencyKeyMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Preconditions.IdempotencyKeyHeader,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Makes retries safe: the same key and body returns the stored response.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200, Pattern = "^[\\x21-\\x7E]+$" },
            });
            Add(operation, document!, 409, "A business rule blocks the change, or the same Idempotency-Key is in progress.");
            Add(operation, document!, 422, "Idempotency-Key reused with a different body, or the input cannot be processed.");
        }

        DeclareResponseHeaders(operation, document!);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Location on every 201; ETag on every success response whose body is a versioned resource (a top-level
    /// <c>version</c>), which <see cref="Http.ResponseHeaders"/> guarantees at run time.
    /// </summary>
    private static void DeclareResponseHeaders(OpenApiOperation operation, OpenApiDocument document)
    {
        foreach (var (status, response) in operation.Responses!.Where(r => r.Key.StartsWith('2')).ToList())
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (status == "201")
            {
                concrete.Headers["Location"] = new OpenApiHeader
                {
                    Description = "URL of the created resource.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 500 },
                };
            }

            if (IsVersioned(concrete, document))
            {
                concrete.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "Strong entity-tag of the version returned; send it in If-Match to change the resource.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 22, Pattern = "^\"[0-9]{1,19}\"$" },
                };
            }

            if (concrete.Headers.Count == 0)
            {
                concrete.Headers = null;
            }
        }
    }

    private static bool IsVersioned(OpenApiResponse response, OpenApiDocument document)
    {
        var schema = response.Content?.Values.FirstOrDefault()?.Schema;
        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id
            && document.Components?.Schemas?.TryGetValue(id, out var resolved) == true)
        {
            schema = resolved;
        }

        return schema?.Properties?.ContainsKey("version") == true;
    }

    private static void Add(OpenApiOperation operation, OpenApiDocument document, int status, string description, bool withRetryAfter = false)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchemaName, document) },
            },
        };
        if (withRetryAfter)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "86400" },
                },
            };
        }

        operation.Responses![key] = response;
    }

    private static void EnsureProblemSchema(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (document.Components.Schemas.ContainsKey(ProblemSchemaName))
        {
            return;
        }

        static OpenApiSchema Text(string description, int maxLength = 2000) =>
            new() { Type = JsonSchemaType.String, MaxLength = maxLength, Description = description };

        document.Components.Schemas[ProblemSchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details with a stable machine-readable code.",
            Examples = [OpenApiSetup.ProblemExample()],
            Required = new HashSet<string> { "type", "title", "status", "code", "traceId" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "uri-reference",
                    MaxLength = 200,
                    Description = "`/problems/{code}`, relative to the API that answered; GET it for the documentation of the code (docs/errors.md).",
                },
                ["title"] = Text("Short summary.", 200),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Description = "HTTP status." },
                ["detail"] = Text("What went wrong in this case."),
                ["instance"] = Text("The route template of the operation, e.g. /api/v1/households/{id} (never the request path, which is caller input).", 500),
                ["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    MaxLength = 100,
                    Pattern = "^[a-z]+(-[a-z]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$",
                    Description = "Stable machine-readable code; every code is listed in docs/errors.md, served at /problems.",
                },
                ["missingScopes"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    MaxItems = 20,
                    Items = Text("An OAuth2 scope.", 50),
                    Description = "For 403: the scopes the operation needs and the token lacks.",
                },
                ["traceId"] = Text("Correlates with the server logs.", 64),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "For 400: field path → messages.",
                    MaxProperties = 200,
                    AdditionalProperties = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        MaxItems = 20,
                        Items = Text("A message about the field.", 500),
                    },
                },
            },
        };
    }
}
