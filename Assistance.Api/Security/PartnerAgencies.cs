namespace Assistance.Api.Security;

using System.Security.Claims;
using System.Threading.RateLimiting;
using Assistance.Domain.Regions;

/// <summary>One partner agency (合作部门: hospital, medical-insurance bureau, public security …) as configured.</summary>
public sealed class PartnerAgency
{
    /// <summary>The scopes the agency may use; a token's other scopes are dropped.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>The region subtree the agency serves; a token's region must lie inside it (and defaults to it).</summary>
    public string Region { get; set; } = RegionCode.National.Value;

    public int PermitsPerMinute { get; set; } = 600;

    public int Burst { get; set; } = 100;
}

/// <summary>
/// Partner clients are identified by the <c>agency</c> claim of their client-credentials token (from the government
/// identity provider through the OpenID Connect/JWKS option of <see cref="JwtSettings"/>; never shared secrets). Each
/// agency is configured under <c>Partners:Agencies:&lt;agency&gt;</c> with its scopes, its region and its rate limit.
/// The token is narrowed here, once, when it is validated: scopes outside the agency's are dropped, a missing region
/// becomes the agency's region, a region outside it refuses the token. Everything downstream (scope policies,
/// RegionScope, row-level security) then works on the narrowed token as for any caller.
/// </summary>
public sealed class PartnerAgencies
{
    public Dictionary<string, PartnerAgency> Agencies { get; } = new(StringComparer.Ordinal);

    /// <summary>Refuse tokens naming an agency that is not configured (default true; Development configuration turns it off).</summary>
    public bool RefuseUnregisteredAgencies { get; set; } = true;

    public int DefaultPermitsPerMinute { get; set; } = 600;

    public int DefaultBurst { get; set; } = 100;

    public static PartnerAgencies From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var result = new PartnerAgencies();
        var section = configuration.GetSection("Partners");
        section.Bind(result);
        foreach (var agency in section.GetSection("Agencies").GetChildren())
        {
            var entry = new PartnerAgency();
            agency.Bind(entry);
            foreach (var scope in agency.GetSection("Scopes").GetChildren().Select(c => c.Value).OfType<string>())
            {
                if (!entry.Scopes.Contains(scope))
                {
                    entry.Scopes.Add(scope);
                }
            }

            if (!RegionCode.TryParse(entry.Region, out _))
            {
                throw new InvalidOperationException($"Partners:Agencies:{agency.Key}:Region is not a region code.");
            }

            result.Agencies[agency.Key] = entry;
        }

        return result;
    }

    /// <summary>Narrows a validated token of a partner; returns why it is refused, or null.</summary>
    public string? Narrow(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not ClaimsIdentity identity || principal.FindFirst("agency")?.Value is not { } name)
        {
            return null;
        }

        if (!Agencies.TryGetValue(name, out var agency))
        {
            return RefuseUnregisteredAgencies ? "The token names an agency that is not registered as a partner." : null;
        }

        var agencyRegion = RegionCode.Parse(agency.Region);
        if (identity.FindFirst("region") is { } regionClaim)
        {
            if (!RegionCode.TryParse(regionClaim.Value, out var region) || !agencyRegion.Contains(region))
            {
                return "The token's region lies outside the regions of its agency.";
            }
        }
        else
        {
            identity.AddClaim(new Claim("region", agencyRegion.Value));
        }

        var granted = identity.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(agency.Scopes.Contains).Distinct(StringComparer.Ordinal).ToList();
        foreach (var claim in identity.FindAll("scope").ToList())
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaim(new Claim("scope", string.Join(' ', granted)));
        return null;
    }

    /// <summary>The rate-limit partition of a partner call: one token bucket per agency (all its clients share it).</summary>
    public RateLimitPartition<string>? RateLimitPartition(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.FindFirst("agency")?.Value is not { } name)
        {
            return null;
        }

        var (permits, burst) = Agencies.TryGetValue(name, out var agency) ? (agency.PermitsPerMinute, agency.Burst) : (DefaultPermitsPerMinute, DefaultBurst);
        return System.Threading.RateLimiting.RateLimitPartition.GetTokenBucketLimiter("agency:" + name, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = Math.Max(1, permits / 60),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
