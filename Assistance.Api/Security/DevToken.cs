namespace Assistance.Api.Security;

using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

/// <summary>Signs tokens with the configured key: the <c>dev-token</c> command and the tests use it.</summary>
public static class DevToken
{
    public static string Create(JwtSettings settings, string subject, IEnumerable<string> scopes, string region, string? agency, TimeProvider clock, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        var claims = new List<Claim>
        {
            new("sub", subject),
            new("scope", string.Join(' ', scopes)),
            new("region", region),
        };
        if (agency is not null)
        {
            claims.Add(new Claim("agency", agency));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now,
            Expires = now.Add(lifetime),
            SigningCredentials = new SigningCredentials(settings.Keys().First(), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>
    /// <c>dev-token --scopes "a b" --region 000000 [--sub name] [--agency name] [--hours 12]</c>: prints only the
    /// token on stdout. It signs only with the published development key, which every non-Development service refuses,
    /// so it can never mint a token a real deployment would accept.
    /// </summary>
    public static int Run(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var settings = JwtSettings.From(configuration);
        if (settings.SigningKeys.Count == 0 || settings.SigningKeys[0] != JwtSettings.DevelopmentKey
            || string.IsNullOrWhiteSpace(settings.Issuer) || string.IsNullOrWhiteSpace(settings.Audience))
        {
            error.WriteLine("dev-token signs only with the development settings (appsettings.Development.json); the configured signing key is not the development key.");
            return 2;
        }

        string? Option(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var scopes = (Option("--scopes") ?? string.Join(' ', Scopes.All)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var region = Option("--region") ?? "000000";
        if (!Domain.Regions.RegionCode.TryParse(region, out _))
        {
            error.WriteLine($"--region '{region}' is not a region code (6, 9 or 12 digits).");
            return 2;
        }

        var hours = int.TryParse(Option("--hours"), System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : 12;
        output.WriteLine(Create(settings, Option("--sub") ?? "dev-user", scopes, region, Option("--agency"), TimeProvider.System, TimeSpan.FromHours(hours)));
        return 0;
    }
}
