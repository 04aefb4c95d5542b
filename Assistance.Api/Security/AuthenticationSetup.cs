namespace Assistance.Api.Security;

using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

/// <summary>Issuer, audience and HMAC signing keys of the bearer tokens we accept.</summary>
public sealed class JwtSettings
{
    /// <summary>The development key: published in this repository, so it is refused outside Development.</summary>
    public const string DevelopmentKey = "assistance-development-signing-key-not-for-production-use-0123456789";

    public string? Issuer { get; set; }

    public string? Audience { get; set; }

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

        if (SigningKeys.Count == 0)
        {
            problems.Add("Authentication:SigningKeys has no key");
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
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKeys = settings.Keys().ToList(),
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                ClockSkew = TimeSpan.FromMinutes(1),
                NameClaimType = "sub",
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

    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(scope, StringComparer.Ordinal);
}
