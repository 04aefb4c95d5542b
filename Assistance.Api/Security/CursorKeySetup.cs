namespace Assistance.Api.Security;

using System.Text;
using Assistance.Application.Common;

/// <summary>
/// <c>Cursors:SigningKeys</c>: HMAC keys for pagination cursors (at least 32 bytes each). The first signs and every
/// key verifies, so a key rotates like the JWT keys: put the new key first, remove the old one later.
/// </summary>
public static class CursorKeySetup
{
    /// <summary>Published in this repository, so refused outside Development.</summary>
    public const string DevelopmentKey = "assistance-development-cursor-key-not-for-production-use-0123456789";

    public static IServiceCollection AddCursorKeys(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var keys = configuration.GetSection("Cursors:SigningKeys").GetChildren().Select(c => c.Value)
            .OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var problems = new List<string>();
        if (keys.Count == 0)
        {
            problems.Add("Cursors:SigningKeys has no key");
        }

        if (keys.Any(k => Encoding.UTF8.GetByteCount(k) < 32))
        {
            problems.Add("every Cursors:SigningKeys entry must be at least 32 bytes");
        }

        if (!environment.IsDevelopment() && keys.Contains(DevelopmentKey))
        {
            problems.Add("the development cursor key is refused outside the Development environment");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Cursor signing is not configured: " + string.Join("; ", problems) + ".");
        }

        return services.AddSingleton(new CursorKeys(keys.Select(Encoding.UTF8.GetBytes)));
    }
}
