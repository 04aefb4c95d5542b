namespace Assistance.Api.OpenApi;

using System.Text.Json.Nodes;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

/// <summary>
/// Shapes the generated document into the published contract: OAuth2 scopes declared and required per operation,
/// problem responses on every operation, typed schemas with examples, and a server relative to wherever the
/// document is served (so Swagger UI and generated clients call the API that served it).
/// </summary>
public static class OpenApiSetup
{
    public const string OAuth2Scheme = "oauth2";
    public const string BearerScheme = "bearer";

    /// <summary>The committed contract names this placeholder; each deployment publishes its own host name.</summary>
    public const string ProductionServerPlaceholder = "https://assistance.example";

    /// <summary>What each scope grants, for the security scheme (Scopes.All is the list; a test keeps them in step).</summary>
    public static readonly IReadOnlyDictionary<string, string> ScopeDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Scopes.RegistryRead] = "Read the household register in the caller's region.",
        [Scopes.RegistryWrite] = "Register and change households and members.",
        [Scopes.PolicyRead] = "Read policy parameters, sources and the calendar; run assessments.",
        [Scopes.PolicyAdmin] = "Record parameter values and publish calendar years.",
        [Scopes.CasesRead] = "Read applications, enrolments, care agreements and the close-relative register.",
        [Scopes.CasesWrite] = "Submit and progress applications; manage enrolments, care agreements and close relatives.",
        [Scopes.CasesApprove] = "Decide applications (county approval or rejection) and draw random checks.",
        [Scopes.PiiRead] = "See ID numbers unmasked (otherwise 320682********123X).",
        [Scopes.AuditRead] = "Read the audit trail.",
        [Scopes.OpsRead] = "See the scheduled jobs, their last runs and next fire times.",
        [Scopes.OpsRun] = "Run a scheduled job now (once per period).",
        [Scopes.ReportsRead] = "Read reports for partner agencies (medical-insurance changes).",
        [Scopes.PaymentsRead] = "Read payment rolls, their lines, basis and bank export, the price subsidy report, and township reserve funds (备用金) with their ledgers.",
        [Scopes.PaymentsWrite] = "Generate and regenerate payment rolls, record bank return files, pay temporary-assistance cases from the reserve fund and top funds up.",
        [Scopes.EventsWrite] = "Partner agencies: report life events (death, imprisonment, release, birth …).",

        // Partner agencies (issue 13).
        [Scopes.StatusQuery] = "Ask whether persons are beneficiaries (programme, since when, region; nothing more).",
        [Scopes.SubscriptionsRead] = "Read the agency's webhook subscriptions and their dead letters.",
        [Scopes.SubscriptionsWrite] = "Create and delete the agency's webhook subscriptions; ask for redelivery.",

    };

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Regions"] = "Administrative divisions (行政区划): reference data.",
        ["Households"] = "The household register (家庭, 家庭成员); ID numbers masked without pii.read.",
        ["Calendar"] = "Public holidays and make-up working days (调休) that working-day deadlines use.",
        ["Applications"] = "The statutory workflow (审核确认) with its deadlines.",
        ["CloseRelatives"] = "Register of staff and village cadres' close relatives (近亲属备案).",
        ["Enrolments"] = "Enrolments created on approval (救助对象).",
        ["CareAgreements"] = "Care agreements (关爱照料协议) of decentralized tekun persons and their visits.",
        ["Audit"] = "The append-only audit trail.",
        ["Policy"] = "Dated, region-scoped parameters with their sources, and the source documents.",
        ["Assessments"] = "The eligibility engine with its trace; nothing is stored.",
        ["TemporaryAssistance"] = "Temporary assistance (临时救助): cases decided at the tier their amount calls for, first-aid payments (先行救助).",
        ["ReserveFunds"] = "Township reserve funds (备用金) for temporary assistance: balance and ledger, never negative.",
        ["Reports"] = "The monthly report (R-62), aggregated up the region tree.",
        ["LifeEvents"] = "Life events reported by partner agencies (R-33), matched to households or kept unmatched.",
        ["Overpayments"] = "Payments made for months after a death or imprisonment, to recover (多发待追回).",
        ["ReassessmentTasks"] = "Households to reassess after a life event (重新核定).",
        ["Status queries"] = "For partner agencies: is a person a beneficiary, of which programmes, since when, where (docs/partners.md).",
        ["Subscriptions"] = "For partner agencies: signed webhooks from the outbox, dead letters and redelivery (docs/partners.md).",
    };

    public static IServiceCollection AddAssistanceOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Assistance API",
                    Version = "v1",
                    Description = "Social assistance (社会救助) register, policy engine and case management for civil-affairs bureaus. "
                        + "Errors are RFC 9457 problems whose `code` is listed in docs/errors.md (the `type` URI resolves there).",
                    Contact = new OpenApiContact { Name = "Assistance developers" },
                    License = new OpenApiLicense { Name = "Proprietary: civil-affairs bureaus and their partner agencies", Url = new Uri("https://assistance.example/license") },
                };
                document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
                document.Servers =
                [
                    new OpenApiServer
                    {
                        Url = "/",
                        Description = "Production (and local or staging when served by them): the host that serves this document. "
                            + "The committed contract names " + ProductionServerPlaceholder + ", a placeholder each deployment replaces with its own host name.",
                        Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(true)) },
                    },
                ];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[OAuth2Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "Tokens come from the deployment's identity provider by the client-credentials flow; the token URL below is "
                        + "a placeholder each deployment replaces. Claims: sub, scope (space-separated), region, optionally agency. "
                        + "The access token is a JWT following RFC8725 (signed, algorithm pinned, issuer, audience and a short expiry validated).",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri(ProductionServerPlaceholder + "/oauth2/token"),
                            Scopes = ScopeDescriptions.ToDictionary(p => p.Key, p => p.Value),
                        },
                    },
                };
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "The same JWT pasted directly (Swagger UI's Authorize, or the development token run.sh prints). "
                        + "Tokens follow RFC8725: signed, algorithm pinned by the server, issuer, audience and expiry validated. "
                        + "The scopes listed per operation are those of the oauth2 scheme.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<ProblemResponsesTransformer>();
            options.AddOperationTransformer<OperationIdTransformer>();
            options.AddOperationTransformer<ContractDescriptionTransformer>();
            options.AddSchemaTransformer<SchemaLimitsTransformer>();
            options.AddDocumentTransformer<ContractShapeTransformer>();
        });

    internal static JsonNode ProblemExample() => new JsonObject
    {
        ["type"] = ErrorCatalogue.TypeUri("validation.failed"),
        ["title"] = "The request is invalid.",
        ["status"] = 400,
        ["detail"] = "One or more fields are invalid: members[0].idNumber.",
        ["instance"] = "/api/v1/households",
        ["code"] = "validation.failed",
        ["traceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
        ["errors"] = new JsonObject { ["members[0].idNumber"] = new JsonArray("Character 18 (check character '1') is wrong: the checksum gives '7'.") },
    };
}
