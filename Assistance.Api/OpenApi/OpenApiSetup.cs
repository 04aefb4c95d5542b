namespace Assistance.Api.OpenApi;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

/// <summary>
/// Shapes the generated document into the published contract: bearer security, problem responses declared on
/// every operation, and a stable server entry.
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddAssistanceOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Assistance API",
                    Version = "v1",
                    Description = "Social assistance (社会救助) register, policy engine and case management for civil-affairs bureaus.",
                    Contact = new OpenApiContact { Name = "Assistance developers" },
                };
                document.Servers =
                [
                    new OpenApiServer
                    {
                        Url = "https://assistance.example",
                        Description = "Production: each civil-affairs deployment publishes its own host name.",
                        Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(true)) },
                    },
                ];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "OAuth2 bearer JWT with claims sub, scope (space-separated), region and optionally agency. "
                        + "Tokens follow RFC8725 (JWT best current practices): signed, algorithm pinned by the server, issuer, audience and expiry validated.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<ProblemResponsesTransformer>();
            options.AddOperationTransformer<OperationIdTransformer>();
            options.AddSchemaTransformer<SchemaLimitsTransformer>();
        });
}
