namespace Assistance.Api.Http;

/// <summary>
/// Browser apps on another origin: the allowed origins are configuration (<c>Cors:AllowedOrigins</c>), none by
/// default. A preflight is answered by the CORS middleware, which runs before authentication, so it never meets a 401.
/// </summary>
public static class CorsSetup
{
    public static IServiceCollection AddAssistanceCors(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var origins = configuration.GetSection("Cors:AllowedOrigins").GetChildren().Select(c => c.Value).OfType<string>()
            .Select(o => o.TrimEnd('/')).Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (origins.Contains("*", StringComparer.Ordinal) && !environment.IsDevelopment())
        {
            throw new InvalidOperationException("Cors:AllowedOrigins may not contain \"*\" outside Development: list the origins.");
        }

        return services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (origins.Contains("*", StringComparer.Ordinal))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins);
            }

            policy.WithMethods("GET", "POST", "PUT", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "If-Match", "Idempotency-Key", "Accept")
                .WithExposedHeaders("ETag", "Location", "Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
    }
}
