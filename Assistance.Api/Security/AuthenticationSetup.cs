namespace Assistance.Api.Security;

using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

/// <summary>
/// Issuer, audience and the keys of the bearer tokens we accept: shared HMAC secrets (HS256; first signs dev
/// tokens, all verify, so keys rotate by adding the new one first) and/or an OpenID Connect authority whose JWKS
/// gives the public keys (RS256, ES256), the production option.
/// </summary>
public sealed class JwtSettings
{
    /// <summary>The development key: published in this repository, so it is refused outside Development.</summary>
    public const string DevelopmentKey = "assistance-development-signing-key-not-for-production-use-0123456789";

    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    /// <summary>OpenID Connect authority (issuer URL); its discovery document names the JWKS. Optional.</summary>
    public string? Authority { get; set; }

    /// <summary>Discovery document address when it is not under the authority (optional).</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The algorithms accepted: HS256 for shared secrets; RS256 and ES256 from the authority's keys.</summary>
    public IReadOnlyList<string> Algorithms =>
        [.. SigningKeys.Count > 0 ? [SecurityAlgorithms.HmacSha256] : Array.Empty<string>(),
         .. string.IsNullOrWhiteSpace(Authority) && string.IsNullOrWhiteSpace(MetadataAddress) ? Array.Empty<string>() : [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256]];

    public IList<string> SigningKeys { get; } = [];

    public static JwtSettings From(IConfiguration configuration)
    {
        var settings = new JwtSettings();
        configuration.GetSection("Authentication").Bind(settings);
        foreach (var key in configuration.GetSection("Authentication:SigningKeys").GetChildren().Select(c => c.Value).OfType<string>())
        {
            if (!settings.SigningKeys.Contains(key))
            {
                settings.SigningKeys.Add(key);
            }
        }

        return settings;
    }

    /// <summary>Refuses to start without real settings, and never accepts the development key outside Development.</summary>
    public void Validate(IHostEnvironment environment)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Issuer))
        {
            problems.Add("Authentication:Issuer is not set");
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            problems.Add("Authentication:Audience is not set");
        }

        if (SigningKeys.Count == 0 && string.IsNullOrWhiteSpace(Authority) && string.IsNullOrWhiteSpace(MetadataAddress))
        {
            problems.Add("Authentication:SigningKeys has no key and no Authentication:Authority is set");
        }

        if (SigningKeys.Any(k => Encoding.UTF8.GetByteCount(k) < 32))
        {
            problems.Add("every Authentication:SigningKeys entry must be at least 32 bytes");
        }

        if (!environment.IsDevelopment() && SigningKeys.Contains(DevelopmentKey))
        {
            problems.Add("the development signing key is refused outside the Development environment");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Authentication is not configured: " + string.Join("; ", problems) + ".");
        }
    }

    public IEnumerable<SecurityKey> Keys() => SigningKeys.Select(k => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(k)));
}

public static class AuthenticationSetup
{
    public static IServiceCollection AddAssistanceAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = JwtSettings.From(configuration);
        settings.Validate(environment);
        services.AddSingleton(settings);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            if (!string.IsNullOrWhiteSpace(settings.Authority))
            {
                options.Authority = settings.Authority;
            }

            if (!string.IsNullOrWhiteSpace(settings.MetadataAddress))
            {
                options.MetadataAddress = settings.MetadataAddress;
            }

            options.RequireHttpsMetadata = !environment.IsDevelopment();
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKeys = settings.Keys().ToList(),
                ValidAlgorithms = settings.Algorithms,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromMinutes(1),
                NameClaimType = "sub",
            };
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (TokenShapeProblem(context.SecurityToken, context.Principal) is { } problem)
                    {
                        context.Fail(problem);
                    }
                    else if (context.HttpContext.RequestServices.GetService<PartnerAgencies>()?.Narrow(context.Principal) is { } refusal)
                    {
                        // Partner agencies (issue 13): the token is narrowed to the agency's scopes and region.
                        context.Fail(refusal);
                    }

                    return Task.CompletedTask;
                },
            };
        });

        services.AddAuthorization(options =>
        {
            foreach (var scope in Scopes.All)
            {
                options.AddPolicy(scope, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope)));
            }

            options.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ScopeRequirementHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ScopeProblemResultHandler>();
        return services;
    }

    /// <summary>The claims authorization reads must each appear once; a token that repeats a claim is refused.</summary>
    private static readonly string[] SingleClaims = ["sub", "region", "agency", "iss", "exp", "nbf", "iat"];

    /// <summary>
    /// Duplicate JSON members in the header or payload (which one wins depends on the parser, so two parsers may
    /// disagree about who the caller is), or a claim authorization reads given twice (an array region or sub).
    /// </summary>
    internal static string? TokenShapeProblem(SecurityToken? token, ClaimsPrincipal? principal)
    {
        if (token is JsonWebToken jwt && (HasDuplicateMembers(jwt.EncodedHeader) || HasDuplicateMembers(jwt.EncodedPayload)))
        {
            return "The token repeats a claim.";
        }

        foreach (var type in SingleClaims)
        {
            if (principal?.FindAll(type).Skip(1).Any() == true)
            {
                return $"The token carries more than one '{type}' claim.";
            }
        }

        return null;
    }

    private static bool HasDuplicateMembers(string encoded)
    {
        try
        {
            var reader = new Utf8JsonReader(Base64UrlEncoder.DecodeBytes(encoded));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && !seen.Add(reader.GetString()!))
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>
    /// Whether a <c>scope</c> claim lists the scope as one of its space-separated words (ordinal). Checked on every
    /// authorized request and every response (PII masking), so the words are compared in place, not split into strings.
    /// </summary>
    public static bool HasScope(ClaimsPrincipal user, string scope)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(scope))
        {
            return false;
        }

        foreach (var claim in user.FindAll("scope"))
        {
            var words = claim.Value.AsSpan();
            foreach (var word in words.Split(' '))
            {
                if (words[word].SequenceEqual(scope))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
